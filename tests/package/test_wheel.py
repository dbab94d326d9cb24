"""The package works installed from its wheel, away from the checkout (issue 14.1)."""
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.records import LAYERS, OUTPUT_LAYERS

ROOT = Path(__file__).resolve().parents[2]


def _run(cmd, cwd, timeout=900) -> str:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.mark.slow
def test_the_wheel_installs_and_runs_the_seeds_from_any_folder(seed_outputs, tmp_path):
    # the sources the wheel is built from (a copy: building leaves nothing in the checkout)
    src = tmp_path / "src"
    for name in ("pipeline", "models"):
        shutil.copytree(ROOT / name, src / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path / "dist", src], tmp_path)
    (wheel,) = (tmp_path / "dist").glob("histextract-*.whl")

    # a fresh environment: the package from the wheel; its dependencies (spaCy, the
    # model ...) seen from this one's site-packages through a .pth line, not installed again
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], tmp_path)
    python = venv / "bin" / "python"
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path).strip())
    (purelib / "shared_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "--quiet", wheel],
         tmp_path)

    work = tmp_path / "work"  # a folder with the inputs only
    shutil.copytree(ROOT / "seeds", work / "seeds", ignore=shutil.ignore_patterns("gold"))
    where = _run([python, "-c", "import pipeline, pipeline.schema; print(pipeline.__file__)"], work)
    assert Path(where.strip()).is_relative_to(venv)
    assert "Usage" in _run([venv / "bin" / "histextract", "--help"], work)
    _run([python, "-m", "pipeline", "run", "seeds", "--out", "out"], work)

    for layer in OUTPUT_LAYERS:  # against the checkout's run of the seeds (cwd = ROOT: same paths)
        name = LAYERS[layer][0]
        assert (work / "out" / name).read_bytes() == (seed_outputs / name).read_bytes(), name
