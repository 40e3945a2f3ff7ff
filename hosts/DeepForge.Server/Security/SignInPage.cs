using System.Net;

namespace DeepForge.Server.Security;

/// <summary>The sign-in page: plain HTML with a form (name, password, antiforgery token), so it needs no script and no circuit.</summary>
internal static class SignInPage
{
    public static string Html(string antiforgeryField, string antiforgeryToken, string returnUrl, string? message) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign in · DeepForge</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
          body { font-family: system-ui, sans-serif; background: #f4f5f9; display: flex; justify-content: center; margin-top: 12vh; }
          form { background: #fff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.1); min-width: 18rem; }
          h1 { font-size: 1.4rem; margin: 0 0 1rem; } label { display: block; margin: .8rem 0 .2rem; }
          input[type=text], input[type=password] { width: 100%; padding: .5rem; box-sizing: border-box; border: 1px solid #ccc; border-radius: 4px; }
          button { margin-top: 1.2rem; width: 100%; padding: .6rem; background: #3f51b5; color: #fff; border: 0; border-radius: 4px; font-size: 1rem; }
          .df-signin-error { color: #b00020; margin: .5rem 0 0; } .df-hint { color: #666; font-size: .85rem; margin-top: 1rem; }
        </style></head>
        <body><form method="post" action="/signin" class="df-signin">
          <h1>DeepForge</h1>
          {{(message == null ? "" : $"<p class=\"df-signin-error\" role=\"alert\">{WebUtility.HtmlEncode(message)}</p>")}}
          <input type="hidden" name="{{WebUtility.HtmlEncode(antiforgeryField)}}" value="{{WebUtility.HtmlEncode(antiforgeryToken)}}">
          <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
          <label for="name">Name</label><input id="name" name="name" type="text" autocomplete="username" autofocus required>
          <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
          <button type="submit">Sign in</button>
          <p class="df-hint">Or open the sign-in address <code>deepforge start</code> printed.</p>
        </form></body></html>
        """;

    /// <summary>The sign-out page: one button that posts the form (with its antiforgery token), so no other site can sign anyone out.</summary>
    public static string SignOutHtml(string antiforgeryField, string antiforgeryToken) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign out · DeepForge</title>
        <style>body { font-family: system-ui, sans-serif; background: #f4f5f9; display: flex; justify-content: center; margin-top: 12vh; }
        form { background: #fff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.1); }
        button { padding: .6rem 1.2rem; background: #3f51b5; color: #fff; border: 0; border-radius: 4px; font-size: 1rem; } a { margin-left: 1rem; }</style></head>
        <body><form method="post" action="/signout" class="df-signout">
          <input type="hidden" name="{{WebUtility.HtmlEncode(antiforgeryField)}}" value="{{WebUtility.HtmlEncode(antiforgeryToken)}}">
          <p>Sign out of DeepForge on this browser?</p>
          <button type="submit">Sign out</button><a href="/">Stay</a>
        </form></body></html>
        """;
}
