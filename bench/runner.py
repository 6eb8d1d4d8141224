"""What bench/run and bench/matrix share: where the binaries are, and how
one run of a benchmark binary is read (a '#' header line, then one
"figure<TAB>value" line per measurement)."""
import pathlib
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent


def default_build_dir():
    release = REPO / "build-rel"
    return release if (release / "CMakeCache.txt").exists() else REPO / "build"


def warn_unless_release(build_dir):
    cache = build_dir / "CMakeCache.txt"
    build_type = next((line.split("=", 1)[1].strip() for line in cache.read_text().splitlines()
                       if line.startswith("CMAKE_BUILD_TYPE:")), "?") if cache.exists() else "?"
    if build_type != "Release":
        print(f"note: {build_dir} is a {build_type} build; publish figures from a Release build", file=sys.stderr)


def run_once(command):
    """Returns the header line and {figure: value} of one run."""
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed (status {result.returncode}):\n{result.stderr}")
    header, figures = "", {}
    for line in result.stdout.splitlines():
        if line.startswith("#"):
            header = line.lstrip("# ")
        elif "\t" in line:
            figure, value = line.split("\t")
            figures[figure] = float(value)
    return header, figures


def print_table(columns, rows, markdown):
    if markdown:
        print("| " + " | ".join(columns) + " |")
        print("|" + "---|" * len(columns))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(r[i]) for r in [columns, *rows]) for i in range(len(columns))]
    for row in [columns, *rows]:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
