"""PyTorch counterpart of org.coreloss.nn.bench.NnBench (same networks, data sizes, batches, threads).

Usage: /usr/bin/python3 nn_torch.py EPOCHS THREADS case...   prints "TORCH <case> <value>".
"""
import sys, time, itertools
import torch
from torch import nn

epochs, threads = int(sys.argv[1]), int(sys.argv[2])
cases = sys.argv[3:] or ["regressor", "generator", "infer"]
torch.set_num_threads(threads)
torch.manual_seed(1)


def poly(x, degree=3):
    cols = [torch.ones(x.shape[0])]
    for d in range(1, degree + 1):
        for idx in itertools.combinations_with_replacement(range(x.shape[1]), d):
            c = torch.ones(x.shape[0])
            for i in idx:
                c = c * x[:, i]
            cols.append(c)
    return torch.stack(cols, 1)


def regressor():
    # dropout 0.5 on the output of the hidden layer not linked to the output (seed 001), Adam, MAE
    return nn.Sequential(nn.Linear(160, 256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, 256), nn.ReLU(),
                         nn.Linear(256, 6)), torch.optim.Adam, nn.L1Loss(), 1e-3


def small():
    # issue 14's small regressor: 226 -> 128 -> 64 -> 2, no dropout, Adam, MAE
    return nn.Sequential(nn.Linear(226, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 2)), \
        torch.optim.Adam, nn.L1Loss(), 1e-3


def generator():
    layers = [nn.Linear(220, 260), nn.ReLU(), nn.Linear(260, 160), nn.ReLU(), nn.Linear(160, 1000), nn.ReLU()]
    for _ in range(4):
        layers += [nn.Linear(1000, 1000), nn.ReLU()]
    layers += [nn.Linear(1000, 501)]
    return nn.Sequential(*layers), torch.optim.RMSprop, nn.MSELoss(), 1e-4


def train(make, x, y, batch, n_epochs):
    net, opt_cls, loss_fn, lr = make()
    opt = opt_cls(net.parameters(), lr=lr)
    net.train()

    def run(ep):
        for _ in range(ep):
            perm = torch.randperm(x.shape[0])
            for b in range(0, x.shape[0], batch):
                idx = perm[b:b + batch]
                opt.zero_grad()
                loss = loss_fn(net(x[idx]), y[idx])
                loss.backward()
                opt.step()
        return loss.item()

    run(1)  # warm-up epoch, as in the Java benchmark
    t0 = time.perf_counter()
    last = run(n_epochs)
    sec = time.perf_counter() - t0
    print(f"# torch {make.__name__}: {n_epochs} epochs in {sec:.2f} s, final loss {last:.4g}", flush=True)
    return x.shape[0] * n_epochs / sec


for case in cases:
    if case == "regressor":
        x, y = torch.rand(6400, 160), torch.rand(6400, 6)
        print(f"TORCH regressor {train(regressor, x, y, int(__import__('os').environ.get('BENCH_REGRESSOR_BATCH', 64)), epochs):.1f}", flush=True)
    elif case == "small":
        x, y = torch.rand(3200, 226), torch.rand(3200, 2)
        print(f"TORCH small {train(small, x, y, int(__import__('os').environ.get('BENCH_SMALL_BATCH', 32)), epochs):.1f}", flush=True)
    elif case == "generator":
        x, y = poly(torch.rand(2560, 9)), torch.rand(2560, 501)
        print(f"TORCH generator {train(generator, x, y, 256, epochs):.1f}", flush=True)
    elif case == "infer":
        net = generator()[0].eval()
        p = torch.rand(10000, 9)
        with torch.no_grad():
            net(poly(p[:2048]))
            t0 = time.perf_counter()
            out = torch.cat([net(poly(p[i:i + 1024])) for i in range(0, 10000, 1024)])
            sec = time.perf_counter() - t0
        assert out.shape == (10000, 501)
        print(f"TORCH infer10k_s {sec:.3f}", flush=True)
