"""Every stage on a large generated corpus, each beside its peer, then a one-sentence edit.

Run: .venv/bin/python bench/run_all.py [--docs 200] [--pdf-docs 40] [--shaped-docs 3]
     [--repeat 1] [--stages extract,translate,shaped,check,build,pdf,edit] [--json FILE]

Prints a table and JSON: wall time, segments/s and peak memory (RSS of the stage's process)
for extract, merge, translate (pseudo, Apertium, a tiny argos package), check, status, build
HTML and build PDF, each next to its peer measured in the same run (msgmerge, raw apertium,
raw CTranslate2, pofilter, weasyprint), and the cost of re-running each stage after editing
one sentence in one document. Ratios are pipeline time / peer time (lower is better); for
the translate rows also the throughput against the raw engine (peer time / pipeline time,
goal ≥ 0.95) and the pipeline's cost beyond the engine per distinct segment (goal ≤ 0.2 ms).
With --repeat N each translate row runs pipeline and raw engine alternately N times (the
catalogs restored in between) and keeps the best of each: the machine may be shared.
Children run this checkout's pipeline (PYTHONPATH) and the tools of this environment.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(BENCH)]

from corpus import make_corpus  # noqa: E402

PIPELINE = [sys.executable, "-m", "pipeline"]
# The children import this checkout's pipeline, whatever the environment has installed.
CHILD_ENV = {"PYTHONPATH": os.pathsep.join(
    [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}
STAGES = ("extract", "translate", "shaped", "check", "build", "pdf", "edit")


def peer_tool(name: str) -> str:
    """A console script of the running Python's environment (pofilter…), else from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found next to {sys.executable} or on PATH "
                         "(install translate-toolkit into this environment)")
    return found


@dataclass
class Row:
    stage: str
    seconds: float
    segments: int = 0
    rss_mb: float = 0.0
    peer: str = ""
    peer_seconds: float = 0.0
    note: str = ""
    engine: int = 0     # distinct segments the engine translates (translate rows)
    cpu: float = 0.0    # CPU seconds, the engine's processes included (translate rows)
    peer_cpu: float = 0.0

    @property
    def rate(self) -> float:
        return self.segments / self.seconds if self.seconds else 0.0

    @property
    def ratio(self) -> float:
        return self.seconds / self.peer_seconds if self.peer_seconds else 0.0

    @property
    def throughput(self) -> float:
        """Segments per second of the pipeline against the raw engine's (goal ≥ 0.95)."""
        return self.peer_seconds / self.seconds if self.engine and self.seconds else 0.0

    @property
    def extra_ms(self) -> float:
        """What the pipeline costs beyond the engine, per distinct segment (goal ≤ 0.2 ms)."""
        return 1000 * (self.seconds - self.peer_seconds) / self.engine if self.engine else 0.0

    @property
    def extra_cpu_ms(self) -> float:
        """The same in CPU time (engine processes included): less at the mercy of other load."""
        return 1000 * (self.cpu - self.peer_cpu) / self.engine if self.engine else 0.0


@dataclass(frozen=True)
class Timing:
    """One child process: wall seconds, CPU seconds (its own and its children's), peak RSS."""

    seconds: float
    cpu: float
    rss_mb: float
    code: int


def timed(cmd: list[str], *, env: dict[str, str] | None = None,
          stdin: bytes | None = None) -> Timing:
    """How long one child process took, how much CPU it used and its exit code."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as inp:
        if stdin is not None:
            inp.write(stdin)
            inp.seek(0)
        start = time.perf_counter()
        process = subprocess.Popen(cmd, stdin=inp, stdout=out, stderr=subprocess.DEVNULL,
                                   env={**os.environ, **CHILD_ENV, **(env or {})})
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        return Timing(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                      os.waitstatus_to_exitcode(status))


def pipeline_run(root: Path, *args: str, env: dict[str, str] | None = None) -> Timing:
    run = timed([*PIPELINE, "--project", str(root), *args], env=env)
    if run.code not in (0, 1):  # 1: check findings in draft-only corpora are fine
        raise SystemExit(f"pipeline {' '.join(args)} failed with exit code {run.code}")
    return run


def pipeline(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[float, float]:
    run = pipeline_run(root, *args, env=env)
    return run.seconds, run.rss_mb


def entries(root: Path, lang: str | None = None) -> list[str]:
    import polib

    ids: list[str] = []
    for pot in sorted((root / "locales").glob("*.pot")):
        ids += [e.msgid for e in polib.pofile(str(pot))]
    return ids


def peer_msgmerge(root: Path) -> float:
    start = time.perf_counter()
    for po in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
        pot = root / "locales" / f"{po.stem}.pot"
        subprocess.run(["msgmerge", "-q", "--previous", str(po), str(pot), "-o", os.devnull],
                       check=True)
    return time.perf_counter() - start


def peer_apertium(segments: list[str]) -> Timing:
    from pipeline.engines.apertium import escape

    stream = "\0".join(escape(s) for s in segments).encode()
    return timed(["apertium", "-u", "-z", "-f", "none", "eng-spa"], stdin=stream)


def peer_ctranslate2(package: Path, segments: list[str]) -> Timing:
    """Raw CTranslate2 on the same segments: tokenize, translate_batch, detokenize."""
    code = f"""
import os, sys, ctranslate2, sentencepiece as spm
from pathlib import Path
pkg = Path({str(package)!r})
sp = spm.SentencePieceProcessor(model_file=str(pkg / "sentencepiece.model"))
tr = ctranslate2.Translator(str(pkg / "model"), device="cpu", compute_type="float32",
                            intra_threads=os.cpu_count() or 1)
lines = sys.stdin.read().split("\\0")
tokens = sp.encode(lines, out_type=str)
# the pipeline's defaults (pipeline/engines/argos.py): beam 4, batches of 32, all cores
out = tr.translate_batch(tokens, max_batch_size=32, beam_size=4)
print(len([sp.decode(r.hypotheses[0]) for r in out]))
"""
    # OpenMP threads sleep while they wait, as the pipeline's engines make them (engines.base)
    policy = {"OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE")}
    return timed([sys.executable, "-c", code], stdin="\0".join(segments).encode(), env=policy)


def translate_row(stage: str, root: Path, lang: str, engine: str, *, repeat: int,
                  peer: str, raw: Callable[[], Timing], env: dict[str, str] | None = None,
                  note: str = "") -> Row:
    """Pipeline and raw engine alternately `repeat` times, catalogs restored; best of each."""
    ids = entries(root)
    saved = root.parent / f"{root.name}-before-{lang}"
    shutil.rmtree(saved, ignore_errors=True)
    for part in ("locales", ".pipeline"):
        shutil.copytree(root / part, saved / part)
    runs, peers = [], []
    for k in range(repeat):
        if k:
            for part in ("locales", ".pipeline"):
                shutil.rmtree(root / part)
                shutil.copytree(saved / part, root / part)
        runs.append(pipeline_run(root, "translate", "--lang", lang, "--engine", engine, env=env))
        peers.append(raw())
    shutil.rmtree(saved, ignore_errors=True)
    best, best_peer = min(runs, key=lambda r: r.seconds), min(peers, key=lambda r: r.seconds)
    shown = f"best of {repeat}" if repeat > 1 else ""
    return Row(stage, best.seconds, len(ids), best.rss_mb, peer, best_peer.seconds,
               note="; ".join(filter(None, [note, shown])), engine=len(set(ids)),
               cpu=min(r.cpu for r in runs), peer_cpu=min(r.cpu for r in peers))


def peer_pofilter(root: Path, out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    return timed([peer_tool("pofilter"), "--progress=none", "-i", str(root / "locales"),
                  "-o", str(out)]).seconds


def peer_weasyprint(pages: list[Path]) -> float:
    code = """
import sys
from weasyprint import HTML
for path in sys.argv[1:]:
    HTML(filename=path).write_pdf(path + ".peer.pdf")
"""
    return timed([sys.executable, "-c", code, *map(str, pages)]).seconds


def install_model(root: Path, build: Path, models: Path, env: dict[str, str], *,
                  shaped: bool) -> Path:
    """Build the tiny copy model (or one of a real argos model's shape) and install it."""
    code = ("import sys, pathlib; sys.path[:0] = sys.argv[1:3]; import tinyargos; "
            "from bench_translate import MODELS; out = pathlib.Path(sys.argv[3]); "
            "print(tinyargos.build_package(out, kind='copy', target='fr', size=MODELS['argos']) "
            "if sys.argv[4] == '1' else tinyargos.cached_packages(out)['copy'])")
    # Built in a child process: the parent stays small, so each stage's peak RSS is its own.
    package = Path(subprocess.run(
        [sys.executable, "-c", code, str(REPO / "tests"), str(BENCH), str(build),
         "1" if shaped else "0"], check=True, capture_output=True, text=True).stdout.strip())
    subprocess.run([*PIPELINE, "--project", str(root), "models", "install", str(package)],
                   check=True, env={**os.environ, **CHILD_ENV, **env}, capture_output=True)
    return next(p for p in models.iterdir() if (p / "model").is_dir())


def shaped_row(work: Path, documents: int, repeat: int) -> Row:
    """translate fr with a model of argos's real shape (random weights): the realistic case."""
    root = make_corpus(work / "shaped", documents=documents)
    models = work / "shaped-models"
    env = {"ARGOS_PACKAGES_DIR": str(models), "PIPELINE_ARGOS_COMPUTE_TYPE": "float32"}
    installed = install_model(root, work / "shaped-build", models, env, shaped=True)
    pipeline(root, "extract")
    unique = list(dict.fromkeys(entries(root)))
    return translate_row(f"translate fr, argos-shaped ({documents} docs)", root, "fr", "argos",
                         repeat=repeat, peer="raw CTranslate2 batch", env=env,
                         raw=lambda: peer_ctranslate2(installed, unique),
                         note="6+6 layers, width 512, 32k vocabulary, random weights")


def edit_one_sentence(root: Path) -> None:
    path = sorted((root / "source").glob("*.md"))[len(list((root / "source").glob("*.md"))) // 2]
    text = path.read_text("utf-8")
    marker = "Your own care team"
    if marker not in text:
        marker = text.split("\n\n")[3].split(" ")[0]
    path.write_text(text.replace(marker, marker + " (changed)", 1), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--pdf-docs", type=int, default=40)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--shaped-docs", type=int, default=1,
                        help="documents for the argos-shaped model (0: skip it; each takes "
                             "minutes on a CPU)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="alternating pipeline/raw runs per translate row; best counts")
    parser.add_argument("--stages", default=",".join(STAGES),
                        help=f"comma-separated subset of {','.join(STAGES)}")
    args = parser.parse_args()
    stages = set(args.stages.split(","))
    if stages - set(STAGES):
        parser.error(f"unknown stage(s): {', '.join(sorted(stages - set(STAGES)))}")
    work = Path(tempfile.mkdtemp(prefix="bench-all-"))
    rows = run_stages(work, args, stages)
    root_ids = entries(work / "corpus")
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; corpus: {args.docs} documents, {len(root_ids)} "
          f"segments ({len(set(root_ids))} distinct) × 5 languages")
    print(f"{'stage':<40} {'seconds':>8} {'seg/s':>8} {'RSS MB':>6}  {'peer':<26} "
          f"{'peer s':>7} {'ratio':>6} {'×raw':>5} {'ms/seg':>6} {'CPU s, ms/seg':>17}")
    for r in rows:
        ratio = f"{r.ratio:.2f}" if r.peer_seconds else ""
        peer_s = f"{r.peer_seconds:.2f}" if r.peer_seconds else ""
        rate = f"{r.rate:,.0f}" if r.segments else ""
        speed = f"{r.throughput:.2f}" if r.engine else ""
        extra = f"{r.extra_ms:.2f}" if r.engine else ""
        cpu = f"{r.cpu:.1f}/{r.peer_cpu:.1f} {r.extra_cpu_ms:.2f}" if r.engine else ""
        print(f"{r.stage:<40} {r.seconds:>8.2f} {rate:>8} {r.rss_mb:>6.0f}  {r.peer:<26} "
              f"{peer_s:>7} {ratio:>6} {speed:>5} {extra:>6} {cpu:>17}"
              + (f"  ({r.note})" if r.note else ""))
    data = {"machine": {"cores": os.cpu_count(), "python": platform.python_version()},
            "documents": args.docs, "segments": len(root_ids),
            "rows": [asdict(r) | {"segments_per_s": r.rate, "ratio": r.ratio,
                                  "throughput_vs_raw": r.throughput,
                                  "extra_ms_per_segment": r.extra_ms,
                                  "extra_cpu_ms_per_segment": r.extra_cpu_ms} for r in rows]}
    print(json.dumps(data))
    if args.json:
        args.json.write_text(json.dumps(data, indent=1))
    shutil.rmtree(work, ignore_errors=True)


def run_stages(work: Path, args: argparse.Namespace, stages: set[str]) -> list[Row]:
    root = make_corpus(work / "corpus", documents=args.docs)
    rows: list[Row] = []
    full: dict[str, float] = {}
    seconds, rss = pipeline(root, "extract")
    ids = entries(root)
    total = len(ids) * 5
    unique = list(dict.fromkeys(ids))  # what an engine is given: each distinct segment once
    full["extract"] = seconds
    if "extract" in stages:
        rows.append(Row("extract (first run)", seconds, total, rss))
        (root / ".pipeline" / "extract-state.json").unlink()
        seconds, rss = pipeline(root, "extract")
        rows.append(Row("merge (all catalogs again)", seconds, total, rss,
                        "msgmerge --previous", peer_msgmerge(root)))
    if "translate" in stages:
        models = work / "models"
        env = {"ARGOS_PACKAGES_DIR": str(models), "PIPELINE_ARGOS_COMPUTE_TYPE": "float32"}
        # Built in a child process: the parent stays small, so each stage's RSS is its own.
        installed = install_model(root, work / "tiny", models, env, shaped=False)
        rows.append(translate_row("translate es, apertium", root, "es", "apertium",
                                  repeat=args.repeat, peer="raw apertium -z",
                                  raw=lambda: peer_apertium(unique)))
        rows.append(translate_row("translate fr, tiny argos", root, "fr", "argos", env=env,
                                  repeat=args.repeat, peer="raw CTranslate2 batch",
                                  raw=lambda: peer_ctranslate2(installed, unique)))
    if "shaped" in stages and args.shaped_docs:   # minutes per run: engine-bound, run once
        rows.append(shaped_row(work, args.shaped_docs, 1))
    if stages & {"translate", "check", "build", "edit"}:
        seconds, rss = pipeline(root, "translate", "--lang", "ru", "--lang", "ar", "--lang",
                                "zh", "--engine", "pseudo")
        full["translate"] = seconds
        rows.append(Row("translate ru ar zh, pseudo", seconds, len(ids) * 3, rss))
    if "translate" in stages:
        seconds, rss = pipeline(root, "translate", env=env)
        rows.append(Row("translate again (nothing to do)", seconds, total, rss))
    if "check" in stages:
        seconds, rss = pipeline(root, "check")
        full["check"] = seconds
        rows.append(Row("check", seconds, total, rss, "pofilter (default tests)",
                        peer_pofilter(root, work / "pofilter")))
        seconds, rss = pipeline(root, "status")
        rows.append(Row("status", seconds, total, rss))
    if "build" in stages:
        seconds, rss = pipeline(root, "build", "--draft", "--format", "html")
        full["build"] = seconds
        rows.append(Row("build html --draft (5 languages)", seconds, total, rss))
    if "pdf" in stages:
        rows.append(pdf_row(work, args.pdf_docs))
    if "edit" in stages:
        edit_one_sentence(root)
        for stage, command in (("extract", ("extract",)),
                               ("translate", ("translate", "--engine", "pseudo")),
                               ("check", ("check",)),
                               ("build", ("build", "--draft", "--format", "html"))):
            if stage in full:
                seconds, rss = pipeline(root, *command)
                rows.append(Row(f"{stage} after a one-sentence edit", seconds, 0, rss,
                                "same stage, full run", full[stage]))
    return rows


def pdf_row(work: Path, documents: int) -> Row:
    small = make_corpus(work / "pdf", documents=documents)
    env = {**os.environ, **CHILD_ENV}
    for command in (("extract",), ("translate", "--lang", "ru", "--engine", "pseudo"),
                    ("build", "--draft", "--lang", "ru", "--format", "html")):
        subprocess.run([*PIPELINE, "--project", str(small), *command], check=True,
                       capture_output=True, env=env)
    pages = sorted((small / "output" / "ru").glob("*.html"))
    seconds, rss = pipeline(small, "build", "--draft", "--lang", "ru", "--format", "pdf")
    return Row(f"build pdf --draft ({len(pages)} ru docs)", seconds, len(entries(small)), rss,
               "weasyprint API, same HTML", peer_weasyprint(pages),
               note="pipeline uses all cores")


if __name__ == "__main__":
    main()
