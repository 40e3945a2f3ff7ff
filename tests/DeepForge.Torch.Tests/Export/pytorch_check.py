# Loads a state_dict exported by DeepForge into the same architecture written in PyTorch
# (load_state_dict, strict), runs it on the input DeepForge ran, and prints the largest difference.
# Usage: python3 pytorch_check.py ARCHITECTURE STATE_DICT TENSORS   (TENSORS holds 'input' and 'expected')
import sys
import torch
from torch import nn


class Lenet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d(2, 2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(400, 120)
        self.relu3 = nn.ReLU()
        self.fc2 = nn.Linear(120, 84)
        self.relu4 = nn.ReLU()
        self.fc3 = nn.Linear(84, 10)
        self.logsoftmax = nn.LogSoftmax(dim=1)

    def forward(self, x):
        for layer in self.children():
            x = layer(x)
        return x


class Vision(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_reflect = nn.Conv2d(3, 4, 3, padding=1, padding_mode="reflect")
        self.bn = nn.BatchNorm2d(4, eps=1e-3)
        self.leaky = nn.LeakyReLU(0.2)
        self.conv_circular = nn.Conv2d(4, 4, 3, padding=1, padding_mode="circular", bias=False)
        self.conv_replicate = nn.Conv2d(4, 6, (3, 2), padding=(1, 2), padding_mode="replicate", groups=2)
        self.conv_dilated = nn.Conv2d(6, 6, 3, stride=2, padding=2, dilation=2)
        self.tanh = nn.Tanh()
        self.avg = nn.AvgPool2d(2, stride=1, padding=1, count_include_pad=False)
        self.max = nn.MaxPool2d(3, stride=2, padding=1)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(120, 10)
        self.sigmoid = nn.Sigmoid()
        self.dropout = nn.Dropout(0.3)
        self.fc_out = nn.Linear(10, 5, bias=False)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        for layer in self.children():
            x = layer(x)
        return x


class Sequence(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(20, 6, padding_idx=0)
        self.lstm = nn.LSTM(6, 5, num_layers=2, batch_first=True, bidirectional=True)
        self.gru = nn.GRU(10, 4)
        self.gru_bf = nn.GRU(4, 3, batch_first=True, bias=False, bidirectional=True)
        self.lstm_plain = nn.LSTM(6, 2)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(14, 3)

    def forward(self, x):
        x = self.embed(x)
        x = self.lstm(x)[0]
        x = self.gru(x)[0]
        x = self.gru_bf(x)[0]
        x = self.lstm_plain(x)[0]
        return self.fc(self.flatten(x))


def main():
    name, state_path, tensors_path = sys.argv[1:4]
    model = {"lenet": Lenet, "vision": Vision, "sequence": Sequence}[name]()
    model.load_state_dict(torch.load(state_path), strict=True)
    model.eval()
    tensors = torch.load(tensors_path)
    with torch.no_grad():
        actual = model(tensors["input"])
    difference = (actual - tensors["expected"]).abs().max().item()
    print(f"max abs difference PyTorch vs TorchSharp = {difference:.3e}")
    sys.exit(0 if difference <= 1e-4 else 1)


main()
