"""Installed, not only cloned: the example files ship in the package, and the first hour works
from a fresh clone and from a wheel installed into a fresh virtualenv, without network.

The wheel is built with the test environment's setuptools (`pip wheel --no-build-isolation
--no-deps`) and installed with `pip install --no-index --no-deps` into a new venv that reuses
the test environment's installed dependencies through a .pth file, so nothing is downloaded.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from interview_bot.config.shipped import EXAMPLE_FILES, example_file

REPO = Path(__file__).resolve().parents[1]
TOP_LEVEL = {"config.yaml": "config.yaml", "credentials.example.json": "credentials.example.json",
             "interview-bot.service": "contrib/interview-bot.service"}


SCHEMA_LINE = re.compile(rb"\A# yaml-language-server: \$schema=(\S+)\n")


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_the_shipped_examples_and_the_clones_copies_are_the_same_bytes(name: str) -> None:
    # One source of truth in spirit: interview_bot/examples/ is what an installed bot points at; the copies at
    # the top of the repository are for readers of a clone. Edit one, copy it over the other. Only
    # config.yaml's first line differs: the path to the schema, relative to each copy.
    assert example_file(name).is_file()
    top, shipped = (REPO / TOP_LEVEL[name]).read_bytes(), example_file(name).read_bytes()
    assert SCHEMA_LINE.sub(b"", top) == SCHEMA_LINE.sub(b"", shipped), (
        f"interview_bot/examples/{name} and {TOP_LEVEL[name]} differ: copy the one you edited over the other"
    )


def test_each_example_configs_schema_line_names_the_shipped_schema() -> None:
    from interview_bot.config.schema import shipped_schema_path

    for copy in (REPO / "config.yaml", example_file("config.yaml")):
        found = SCHEMA_LINE.match(copy.read_bytes())
        assert found, f"{copy} does not start with the yaml-language-server line"
        assert (copy.parent / found.group(1).decode()).resolve() == shipped_schema_path().resolve(), copy


def _tracked_copy(dest: Path) -> Path:
    """What a fresh clone holds: the tracked files, as they are in the working tree."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
    for rel in filter(None, listed.stdout.decode().split("\0")):
        if (REPO / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, dest / rel)
    return dest


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PYTHON", "INTERVIEW_BOT"))}
    env.update(HOME=str(home), PYTHONUNBUFFERED="1", TZ="UTC")
    home.mkdir(parents=True, exist_ok=True)
    return env


def _first_hour(command: list[str], home: Path, cwd: Path, tmp: Path) -> dict[str, str]:
    """init --yes, check-config, doctor, demo --keep: each output, with the exit statuses checked."""
    env = _env(home)

    def run(*args: str, code: int = 0) -> str:
        done = subprocess.run([*command, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=180, check=False)
        out = done.stdout + done.stderr
        assert done.returncode == code, f"{args}: exit {done.returncode}\n{out}"
        assert "Traceback" not in out, out
        return out

    outs = {"init": run("init", "--yes", "--name", "Sam Lee", "--email", "sam@example.com", "--tz", "Europe/Paris")}
    config = home / ".config" / "interview-bot" / "config.yaml"
    assert config.is_file() and 'name: "Sam Lee"' in config.read_text()
    outs["check-config"] = run("check-config")
    assert f"Read {config} (your config folder)" in outs["check-config"]
    outs["doctor"] = run("doctor", code=1)
    assert "FAIL  token" in outs["doctor"] and "fix: run `interview-bot auth` once to sign in" in outs["doctor"]
    outs["demo"] = run("demo", "--keep", str(tmp / "kept"))
    assert len(list((tmp / "kept").glob("*.eml"))) == 6 and (tmp / "kept" / "sandbox.json").is_file()
    # The example files the hints name are there.
    shape = outs["doctor"].split("(shape: ", 1)[1].split(")", 1)[0]
    starter = config.read_text().split("#   ", 1)[1].splitlines()[0]
    for hinted in (shape, starter):
        assert Path(hinted).is_file(), hinted
    outs["shape"], outs["starter"] = shape, starter
    return outs


@pytest.mark.slow
def test_the_first_hour_from_a_fresh_clone(tmp_path: Path) -> None:
    clone = _tracked_copy(tmp_path / "clone")
    outs = _first_hour([sys.executable, "-m", "interview_bot"], tmp_path / "home", clone, tmp_path)
    # Inside the clone, its ./config.yaml (the example) does not hide the user's own.
    assert "(your config folder)" in outs["check-config"] and "Sam Lee" in outs["check-config"]
    assert outs["shape"].startswith(str(clone)) and outs["starter"].startswith(str(clone))


@pytest.mark.slow
def test_the_first_hour_from_a_wheel_in_a_fresh_venv(tmp_path: Path) -> None:
    clone = _tracked_copy(tmp_path / "clone")
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                            "--no-index", "-w", str(wheels), str(clone)], capture_output=True, text=True, timeout=300,
                           check=False)
    assert build.returncode == 0, ("building the wheel offline needs setuptools>=70.1 in this environment "
                                   "(the test extra has it: pip install -e '.[test]')\n" + build.stderr)
    (wheel,) = wheels.glob("interview_bot-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", str(venv)], check=True,
                   timeout=300)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # The dependencies, from the test environment (its own copy of bot is an editable finder in a
    # .pth there, which a path added by .pth does not run, so only the wheel's bot is importable).
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", str(wheel)],
                   check=True, timeout=300)
    where = subprocess.run([str(python), "-c", "import interview_bot; print(interview_bot.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(site), where

    outs = _first_hour([str(venv / "bin" / "interview-bot")], tmp_path / "home", tmp_path, tmp_path)
    assert outs["shape"].startswith(site) and outs["starter"].startswith(site)  # in the installed package
