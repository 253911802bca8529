"""The shape of the code: which way the imports go, and how many arguments a kernel takes.

Three layers (README, "Reading the code"): the core (``wordvec`` outside
``wordvec/cli``) imports nothing else of the project; each algorithm
package (``w2v``, ``glove``, ``svd``, ``subword``) imports the core only; ``corpora`` imports the
core only; the face (``wordvec/cli``, and ``python -m wordvec``) may import
anything. Every import counts, those inside functions too, and no module
may import itself back, directly or around a circle.

Inside the core, each subpackage is one concept, and they stand in one order
(``CORE_ORDER``, lowest first): a module imports from its own subpackage or
from one lower, never from one higher. ``wordvec/__init__.py``, the public
API, sits above them all.
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ALGORITHMS = tuple(name for name in ("w2v", "glove", "svd", "subword") if (ROOT / name).is_dir())
PACKAGES = ("wordvec", *ALGORITHMS, "corpora")
KERNEL_DECORATORS = {"kernel", "float_kernel", "njit", "jit"}
MAX_KERNEL_PARAMETERS = 10
CORE_ORDER = ("errors", "util", "engine", "text", "cooccur", "cache", "vectors", "train",
              "evaluation", "plot", "report")
# The only modules at the top of the core, beside its subpackages.
CORE_TOP_LEVEL = {"wordvec", "wordvec.__main__", "wordvec.errors"}


def module_files():
    """Dotted module name -> path, for every module of the project's packages."""
    files = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            files[".".join(parts)] = path
    return files


MODULES = module_files()


def is_package(name):
    return MODULES[name].name == "__init__.py"


def imported_modules(name):
    """The project modules that module ``name`` imports, anywhere in its file."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if is_package(name) else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from package import submodule` imports the submodule.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                       for alias in node.names]
        else:
            continue
        for target in targets:
            # `import wordvec.cli.train` imports that module; keep the longest known prefix.
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: imported_modules(name) for name in MODULES}


def layer(name):
    top = name.split(".")[0]
    if name == "wordvec.__main__" or name == "wordvec.cli" or name.startswith("wordvec.cli."):
        return "face"
    if top in ALGORITHMS:
        return top
    return top  # "wordvec" (the core) or "corpora"


def test_the_graph_sees_lazy_and_relative_imports():
    # The checks below are only as good as the graph: spot-check it.
    assert "wordvec.vectors.formats" in GRAPH["wordvec.vectors.keyedvectors"]
    assert "wordvec.train.loop" in GRAPH["wordvec.train.estimator"]
    assert "w2v" in GRAPH["wordvec.cli.algorithms"] and "glove" in GRAPH["wordvec.cli.algorithms"]
    assert "wordvec.cli.train" in GRAPH["wordvec.cli"]
    assert {layer(name) for name in MODULES} == {"face", "wordvec", "corpora", *ALGORITHMS}


@pytest.mark.parametrize("name", sorted(name for name in MODULES if layer(name) == "wordvec"))
def test_the_core_imports_only_the_core(name):
    assert {layer(target) for target in GRAPH[name]} <= {"wordvec"}, GRAPH[name]


def core_part(name):
    """The subpackage of the core that module ``name`` belongs to ("errors" for errors.py)."""
    return name.split(".")[1] if name != "wordvec" else None


CORE = sorted(name for name in MODULES if layer(name) == "wordvec")


def test_the_core_is_its_subpackages():
    loose = [name for name in CORE if name not in CORE_TOP_LEVEL and not (
        name.count(".") >= 1 and is_package(".".join(name.split(".")[:2])))]
    assert loose == [], "a module at the top of wordvec/: put it in the subpackage of its concept"
    assert {core_part(name) for name in CORE} - {None, "__main__"} == set(CORE_ORDER)


def wrong_way(graph):
    """(importer, imported) pairs of the core where the import points up the order."""
    rank = {part: index for index, part in enumerate(CORE_ORDER)}
    found = []
    for name in sorted(graph):
        if name == "wordvec" or layer(name) != "wordvec":
            continue
        for target in sorted(graph[name]):
            if layer(target) == "wordvec" and (target == "wordvec" or
                                               rank[core_part(target)] > rank[core_part(name)]):
                found.append((name, target))
    return found


@pytest.mark.parametrize("name", CORE)
def test_the_core_imports_only_down_its_order(name):
    assert wrong_way({name: GRAPH[name]}) == []


def test_the_order_check_sees_an_upward_import():
    # Two real modules, one import made to point up: util would need vectors.
    assert wrong_way({"wordvec.util.atomic": {"wordvec.vectors.keyedvectors"},
                      "wordvec.vectors.keyedvectors": {"wordvec.util.atomic"}}) == \
        [("wordvec.util.atomic", "wordvec.vectors.keyedvectors")]
    assert wrong_way({"wordvec.text.vocab": {"wordvec"}}) == [("wordvec.text.vocab", "wordvec")]


@pytest.mark.parametrize("name", [name for name in CORE if name.count(".") == 2])
def test_a_module_imports_its_siblings_not_its_package(name):
    # Through its own package's __init__ a module would import itself back.
    assert ".".join(name.split(".")[:2]) not in GRAPH[name]


@pytest.mark.parametrize("name", sorted(name for name in MODULES if layer(name) in ALGORITHMS))
def test_an_algorithm_imports_only_itself_and_the_core(name):
    assert {layer(target) for target in GRAPH[name]} <= {layer(name), "wordvec"}, GRAPH[name]


@pytest.mark.parametrize("name", sorted(name for name in MODULES if layer(name) == "corpora"))
def test_corpora_imports_only_itself_and_the_core(name):
    assert {layer(target) for target in GRAPH[name]} <= {"corpora", "wordvec"}, GRAPH[name]


def strongly_connected(graph):
    """Tarjan's strongly connected components with more than one module."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_modules_import_each_other():
    assert strongly_connected(GRAPH) == []


def test_the_cycle_finder_finds_cycles():
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert strongly_connected({"a": {"b"}, "b": set()}) == []


def kernels():
    """(module, function name, parameter count) of every jit-decorated function."""
    found = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                label = target.attr if isinstance(target, ast.Attribute) else \
                    getattr(target, "id", "")
                if label in KERNEL_DECORATORS:
                    arguments = node.args
                    count = (len(arguments.posonlyargs) + len(arguments.args)
                             + len(arguments.kwonlyargs) + bool(arguments.vararg))
                    found.append((name, node.name, count))
    return found


def test_kernels_take_at_most_ten_parameters():
    found = kernels()
    assert {"skipgram_chunk", "cbow_chunk", "adagrad_chunk", "walk_windows"} <= \
        {function for _, function, _ in found}
    too_many = [(module, function, count) for module, function, count in found
                if count > MAX_KERNEL_PARAMETERS]
    assert too_many == []
