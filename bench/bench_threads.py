"""CTranslate2's CPU threads on a shared machine: one thread, all cores spinning, all sleeping.

The argos and OPUS-MT/NLLB engines give CTranslate2 one thread per core. Its OpenMP threads
spin while they wait for work by default; on a machine that also runs other work (a CI
runner, a second test worker, the other stages) that costs far more than the threads gain.
`pipeline.engines.base.load_ctranslate2` sets OMP_WAIT_POLICY=PASSIVE (threads sleep) unless
the user chose. This benchmark measures the same translation in a fresh process per setting,
on an idle machine and with one busy process per core beside it, and prints them side by side.

    .venv/bin/python bench/bench_threads.py [--segments 152] [--shaped-segments 24] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO / "tests"), str(BENCH)]

import polib  # noqa: E402
import tinyargos  # noqa: E402
from bench_translate import MODELS  # noqa: E402

SETTINGS = {  # name: (intra threads, OMP_WAIT_POLICY)
    "1 thread": (1, "PASSIVE"),
    "all cores, spinning (OpenMP's default)": (0, "ACTIVE"),
    "all cores, sleeping (the pipeline's default)": (0, "PASSIVE"),
}
_CHILD = """
import json, os, sys, time
import ctranslate2, sentencepiece as spm
model, tokenizer, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = json.loads(sys.stdin.read())
sp = spm.SentencePieceProcessor(model_file=tokenizer)
tr = ctranslate2.Translator(model, device="cpu", compute_type="float32", inter_threads=1,
                            intra_threads=threads or os.cpu_count() or 1)
tokens = sp.encode(texts, out_type=str)
started = time.perf_counter()
tr.translate_batch(tokens, max_batch_size=32, beam_size=4,
                   max_decoding_length=2 * max(map(len, tokens)) + 16)
print(time.perf_counter() - started)
"""


def unpack(archive: Path, folder: Path) -> tuple[Path, Path]:
    with zipfile.ZipFile(archive) as z:
        z.extractall(folder)
    model = next(p.parent for p in folder.rglob("model.bin"))
    return model, next(folder.rglob("sentencepiece.model"))


def seconds(model: Path, tokenizer: Path, texts: list[str], threads: int, policy: str) -> float:
    env = {**os.environ, "OMP_WAIT_POLICY": policy}
    done = subprocess.run([sys.executable, "-c", _CHILD, str(model), str(tokenizer),
                           str(threads)], input=json.dumps(texts), env=env, check=True,
                          capture_output=True, text=True)
    return float(done.stdout.strip().splitlines()[-1])


class Busy:
    """One process per core that only burns CPU, for the time of a `with` block."""

    def __enter__(self) -> Busy:
        self.procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                      for _ in range(os.cpu_count() or 1)]
        return self

    def __exit__(self, *exc: object) -> None:
        for proc in self.procs:
            proc.kill()
            proc.wait()


def measure(name: str, model: Path, tokenizer: Path, texts: list[str], repeat: int) -> None:
    print(f"\n== {name}: {len(texts)} segments, beam 4, {os.cpu_count()} cores, best of {repeat}")
    print(f"{'setting':46} {'idle s':>8} {'busy s':>8}")
    for label, (threads, policy) in SETTINGS.items():
        idle = min(seconds(model, tokenizer, texts, threads, policy) for _ in range(repeat))
        with Busy():
            busy = min(seconds(model, tokenizer, texts, threads, policy) for _ in range(repeat))
        print(f"{label:46} {idle:8.2f} {busy:8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=152)
    parser.add_argument("--shaped-segments", type=int, default=24,
                        help="segments for the argos-shaped model (0: skip it)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [e.msgid for p in sorted((REPO / "locales" / "fr").rglob("*.po"))
             for e in polib.pofile(str(p)) if e.msgid]
    with tempfile.TemporaryDirectory(prefix="bench-threads-") as tmp:
        work = Path(tmp)
        tiny = unpack(tinyargos.cached_packages(work / "tiny")["copy"], work / "tiny-model")
        measure("tiny copy model (tests/tinyargos.py)", *tiny, texts[:args.segments],
                args.repeat)
        if args.shaped_segments:
            started = time.perf_counter()
            archive = tinyargos.build_package(work / "shaped", kind="copy", target="fr",
                                              size=MODELS["argos"])
            print(f"\n(argos-shaped model built in {time.perf_counter() - started:.0f} s)")
            shaped = unpack(archive, work / "shaped-model")
            measure("argos-shaped copy model (6+6 layers, width 512, 32k vocabulary)",
                    *shaped, texts[:args.shaped_segments], args.repeat)


if __name__ == "__main__":
    main()
