"""Compiled regular expressions kept on disk between runs.

The word patterns of six languages are tens of kilobytes of regex; ``re`` parses and compiles
them in pure Python, which cost more than checking our whole docs tree. ``re`` cannot pickle a
compiled pattern, but its compiler's output is a list of integers that ``_sre.compile`` (C)
turns into a pattern at once. That output is kept in ``~/.cache/check-docs`` (or
``$XDG_CACHE_HOME``) in one file per Python build, looked up by the pattern text and flags
themselves and the source of the function that rewrote it: a changed language file or a changed
checker gives a new pattern text or a new rewrite, a miss, never a stale pattern. A damaged
file, another Python or a moved private API falls back to ``re.compile``; ``CHECK_DOCS_CACHE=0``
turns the file off.

Each entry stays marshalled bytes in memory until a run asks for it: the file also holds the
patterns of other projects (a rewrite's entries of another version go when a run writes the file),
and decoded into lists of Python integers they took about 2.5 times the file's size in every run
(a file of 16 MB: 40 MB). For the same reason a run checks only the entries it asks for, each
against its CRC-32 in the index the file opens with: a BLAKE2b digest of the whole file cost every
run about 13 instructions a byte before its first page (21 M for the 1.5 MB of the bench tree's six
languages), most of them for entries the run never asked for.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import importlib
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from transdocs.cache_folder import folder, prune, toolkit

_sre: Any
_parser: Any
_compiler: Any
_constants: Any
try:  # private modules: anything missing means "compile as usual"
    _sre = importlib.import_module("_sre")
    _parser = importlib.import_module("re._parser")
    _compiler = importlib.import_module("re._compiler")
    _constants = importlib.import_module("re._constants")
    _BUILD = f"{sys.implementation.cache_tag}-{sys.version}-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _sre = _parser = _compiler = _constants = None
    _BUILD = ""

# Entries: (pattern text asked for, flags, rewrite name) -> the marshalled (pattern compiled, its
# compiler output) and their CRC-32; a run checks and decodes only those it asks for.
_Key = tuple[str, int, str]
_Entry = tuple[str, int, list[int], int, dict[str, int], tuple[str | None, ...]]
_Kept = tuple[memoryview, int]
# Beyond this the file keeps only what the last run used (one project's six languages: about 1.5 MB).
_MAX_BYTES = 4 * 1024 * 1024
_KEEP_FILES = 2  # Python builds whose patterns are kept (one file each: after an upgrade, the old one goes)
# The file: this mark, the index's length (4 bytes, little-endian), the index (marshalled: key -> the
# entry's offset after the index, its length and its CRC-32), then the entries one after another.
_MARK = b"check-docs regex cache 2\n"

_entries: dict[_Key, _Kept] | None = None
_used: set[_Key] = set()
_dirty = False


def _path() -> Path | None:
    place = folder()
    if place is None or not _BUILD:
        return None
    # (the mark in the name too: a checker of the former format keeps its own file, where each would
    # take the other's for a damaged one and write it again at every run)
    return place / f"regex-{hashlib.sha256(_BUILD.encode() + _MARK).hexdigest()[:16]}.marshal"


def _load() -> dict[_Key, _Kept]:
    """The file's entries, each a view of its bytes (not checked yet, see :func:`_decoded`); none when
    the file is missing or its index damaged. A damaged entry fails its own check when asked."""
    path = _path()
    if path is None:
        return {}
    try:
        blob = memoryview(path.read_bytes())  # (views: the file is not copied once more)
        if blob[: len(_MARK)] != _MARK:
            return {}
        start = len(_MARK) + 4
        end = start + int.from_bytes(blob[len(_MARK) : start], "little")
        index = marshal.loads(blob[start:end])
        return {
            key: (blob[end + offset : end + offset + length], crc)
            for key, (offset, length, crc) in index.items()
            if isinstance(key, tuple) and len(key) == 3 and isinstance(key[2], str)
        }
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        return {}


def _decoded(kept: _Kept) -> _Entry | None:
    """An entry read from the file, or None when its bytes are not those written."""
    view, crc = kept
    if zlib.crc32(view) != crc:
        return None
    entry: _Entry = marshal.loads(view)
    return entry


def save() -> None:
    """Write the file when this process compiled something new (called at exit)."""
    global _dirty
    path = _path()
    if not _dirty or _entries is None or path is None:
        return
    entries = _current(_entries)
    if sum(len(view) for view, _ in entries.values()) > _MAX_BYTES:
        entries = {key: entry for key, entry in entries.items() if key in _used}
    index: dict[_Key, tuple[int, int, int]] = {}
    offset = 0
    for key, (view, crc) in entries.items():
        index[key] = (offset, len(view), crc)
        offset += len(view)
    head = marshal.dumps(index)
    blob = b"".join([_MARK, len(head).to_bytes(4, "little"), head, *(view for view, _ in entries.values())])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only to write: its import costs more than reading the file

        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".regex-", delete=False) as file:
            file.write(blob)
        os.replace(file.name, path)
    except OSError:
        return  # a read-only home: the next run compiles again
    _dirty = False
    prune(path.parent, "regex-*.marshal", _KEEP_FILES)


def _current(entries: dict[_Key, _Kept]) -> dict[_Key, _Kept]:
    """``entries`` without those of a rewrite this run used as another version of check-docs wrote it
    (its name, another digest): a new version or an edit misses them for good, and an editable
    install that is edited often filled the file to its limit with them, which every run then read
    and hashed. A rewrite this run did not use may be another project's: its entries stay."""
    live = {name.partition(":")[0]: name for _, _, name in _used if name}
    return {key: entry for key, entry in entries.items() if live.get(key[2].partition(":")[0], key[2]) == key[2]}


def _compile_code(text: str, flags: int, kinds: Mapping[str, str] | None = None) -> _Entry:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` (Python 3.11-3.13); with ``kinds``, the
    empty groups of one kind made one (:func:`_merge_kinds`)."""
    parsed = _parser.parse(text, flags)
    classes = _guard_classes(parsed, flags)
    if classes is not None:
        _word_boundaries(parsed, flags)
    state = parsed.state
    groupindex = {str(name): int(index) for name, index in state.groupdict.items()}
    groups = state.groups
    if kinds is not None:
        groupindex, groups = _merge_kinds(parsed, groupindex, kinds)
    code = _start_charset([int(op) for op in _compiler._code(parsed, flags)], classes)
    indexgroup: list[str | None] = [None] * groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return text, int(flags | state.flags), code, groups - 1, groupindex, tuple(indexgroup)


def _merge_kinds(parsed: Any, groupindex: dict[str, int], kinds: Mapping[str, str]) -> tuple[dict[str, int], int]:
    """``parsed`` with its empty named groups (``(?P<name>)``) that ``kinds`` maps to one kind (a name
    it lacks stands for itself) as one group, named as the first of them, and the groups numbered
    again in order; the names left with their numbers, and the count of groups (group 0 too).

    ``statements.dispatch`` names a kind by an empty group at each of its branches' ends (175 groups
    in the Chinese token pattern), and ``re`` keeps every group's marks at each match: merged, a
    match's ``lastgroup`` (the group closed last) is a name of the same kind, with a few groups.
    Unchanged when a group is referred to (``(?P=name)``, ``(?(name)...)``)."""
    names = {index: name for name, index in groupindex.items()}
    found: list[tuple[list[Any], int]] = []  # each group's node: (the list holding it, its place there)
    stack, seen = [parsed], set()
    while stack:
        node = stack.pop()
        if id(node.data) in seen:  # (a sub-pattern held twice)
            continue
        seen.add(id(node.data))
        for place, (op, av) in enumerate(node.data):
            if op in (_constants.GROUPREF, _constants.GROUPREF_EXISTS):
                return groupindex, parsed.state.groups
            if op is _constants.SUBPATTERN and av[0] is not None:
                found.append((node.data, place))
            stack += _subpatterns(av)
    first: dict[str, int] = {}  # a kind -> the new number of its first empty group
    number: dict[int, int] = {}  # old number -> new
    count = 0
    for data, place in sorted(found, key=lambda item: int(item[0][item[1]][1][0])):
        old, _add, _del, inner = data[place][1]
        name = names.get(old)
        kind = kinds.get(name, name) if name is not None and not inner.data else None
        if kind is not None and kind in first:
            number[old] = first[kind]
            continue
        count += 1
        number[old] = count
        if kind is not None:
            first[kind] = count
    for data, place in found:
        old, add, delete, inner = data[place][1]
        data[place] = (_constants.SUBPATTERN, (number[old], add, delete, inner))
    kept: dict[str, int] = {}
    for name, old in sorted(groupindex.items(), key=lambda item: item[1]):
        if number[old] not in kept.values():
            kept[name] = number[old]
    return kept, count + 1


def _subpatterns(av: Any) -> list[Any]:
    """The sub-patterns an item's argument holds (a group's, a branch's, a repeat's, a look-around's)."""
    if isinstance(av, _parser.SubPattern):
        return [av]
    if isinstance(av, (tuple, list)):
        return [sub for item in av for sub in _subpatterns(item)]
    return []


def _guard_classes(parsed: Any, flags: int) -> list[Any] | None:
    """The class items a match's first character is in, when ``parsed`` opens with a look-ahead each
    branch of which opens with a case-sensitive class or character (the guard of ``statements.dispatch``,
    the look-behind after it); else None."""
    if not parsed.data or parsed.data[0][0] is not _constants.ASSERT or parsed.data[0][1][0] != 1:
        return None
    body = parsed.data[0][1][1].data
    branches = body[0][1][1] if len(body) == 1 and body[0][0] is _constants.BRANCH else [body]
    items: list[Any] = []
    for branch in branches:
        first, blind = list(branch)[:1], bool(flags & re.IGNORECASE)
        while first and first[0][0] is _constants.SUBPATTERN:
            _group, add_flags, del_flags, inner = first[0][1]
            blind = bool(add_flags & re.IGNORECASE) or (blind and not del_flags & re.IGNORECASE)
            first = list(inner)[:1]
        if blind or not first:
            return None
        op, av = first[0]
        if op is _constants.LITERAL:  # a class of one character
            items.append((op, av))
        elif op is _constants.IN and all(item is not _constants.NEGATE for item, _ in av):
            items += av
        else:
            return None
    return items


def _word_boundaries(parsed: Any, flags: int) -> None:
    r"""The guard's word starts, ``(?-i:[class])(?<!\w(?s:.))`` as ``statements.dispatch`` writes them,
    as a last branch ``\b(?-i:[the class's word characters])``: the same positions (its other
    characters keep their branch).

    ``re`` passes over a branch opening with a class in one test where the class lacks the character,
    and enters it where the class holds it: at every letter within a word (most of a text's), where
    the look-behind was one more nested match. ``\b`` tests the two characters in one step. A guard
    with another look-behind (Arabic words: no Arabic letter before) keeps its form: ``\b`` would be
    entered at each of that script's letters too, and tell nothing there."""
    behind = repr(_parser.parse(r"(?<!\w(?s:.))", flags).data[0])
    word = re.compile(r"\w", (flags | parsed.state.flags) & re.ASCII)
    body = parsed.data[0][1][1]
    branches = body[0][1][1] if len(body) == 1 and body[0][0] is _constants.BRANCH else [body]
    sides = [_word_sides(branch, behind, word) for branch in branches]
    if all(side is None for side in sides) or any(
        side is None and any(op is _constants.ASSERT_NOT and av[0] == -1 for op, av in branch)
        for side, branch in zip(sides, branches, strict=True)
    ):
        return
    kept, starts = [], []
    for branch, side in zip(branches, sides, strict=True):
        if side is None:
            kept.append(branch)
            continue
        words, others = (_class_like(branch[0], items, parsed.state) for items in side)
        if others is not None:
            kept.append(_parser.SubPattern(parsed.state, [others, branch[1]]))
        if words is not None:
            starts.append(_parser.SubPattern(parsed.state, [(_constants.AT, _constants.AT_BOUNDARY), words]))
    body.data = [(_constants.BRANCH, (None, kept + starts))]


def _word_sides(branch: Any, behind: str, word: re.Pattern[str]) -> tuple[list[Any], list[Any]] | None:
    r"""The items of a word start's class (a branch ``(?-i:[class])`` then ``behind``) holding only word
    characters, and those holding none; None for another branch, or an item holding both."""
    if len(branch) != 2 or repr(branch[1]) != behind or branch[0][0] is not _constants.SUBPATTERN:
        return None
    inner = list(branch[0][1][3])
    if len(inner) != 1 or inner[0][0] not in (_constants.LITERAL, _constants.IN):
        return None
    op, av = inner[0]
    sides: tuple[list[Any], list[Any]] = ([], [])
    for item, value in [(op, av)] if op is _constants.LITERAL else av:
        if item is _constants.LITERAL:
            low = high = value
        elif item is _constants.RANGE:
            low, high = value
        else:
            return None
        kinds = {bool(word.match(chr(code))) for code in range(low, high + 1)}
        if len(kinds) != 1:
            return None
        sides[0 if kinds.pop() else 1].append((item, value))
    return sides


def _class_like(group: Any, items: list[Any], state: Any) -> Any:
    """``group`` (``(?-i:[...])``) holding the class of ``items`` instead (one character alone: ``re``
    tests it without a call); None for no items."""
    if not items:
        return None
    inner = items if len(items) == 1 and items[0][0] is _constants.LITERAL else [(_constants.IN, items)]
    number, add_flags, del_flags, _inner = group[1]
    return (_constants.SUBPATTERN, (number, add_flags, del_flags, _parser.SubPattern(state, inner)))


def _start_charset(code: list[int], classes: list[Any] | None) -> list[int]:
    """``code`` with the classes of its guard (:func:`_guard_classes`) as the charset of its info block:
    ``re`` then skips in a tight loop to a character one of them holds, where it entered the guard at
    every position. Unchanged when the block already holds a prefix or a charset, or no match is
    non-empty."""
    if classes is None or code[0] != _constants.INFO or code[2] != 0 or code[3] == 0:
        return code
    charset, hascased = _compiler._optimize_charset(classes)
    if hascased:
        return code
    info = [int(_constants.INFO), 0, int(_constants.SRE_INFO_CHARSET), code[3], code[4]]
    compiled: list[Any] = []
    _compiler._compile_charset(charset, 0, compiled)
    info += [int(op) for op in compiled]
    info[1] = len(info) - 1
    return info + code[1 + code[1] :]


def _pattern(entry: _Entry) -> re.Pattern[str]:
    text, flags, code, groups, groupindex, indexgroup = entry
    pattern: re.Pattern[str] = _sre.compile(text, flags, code, groups, groupindex, indexgroup)
    return pattern


@functools.cache
def _rewrite_name(rewrite: Callable[[str, int], str]) -> str:
    """``rewrite``'s name, a digest of its module's source and one of check-docs itself: a rewrite
    calls helpers of other modules (dispatch's call fastscan's), so a change anywhere since a pattern
    was kept (a new version, an edit of an editable install) may make it another rewrite."""
    module = sys.modules.get(rewrite.__module__)
    try:
        source = Path(getattr(module, "__file__", None) or "").read_bytes()
    except OSError:
        source = rewrite.__code__.co_code  # no file: its own code, at least
    digest = hashlib.blake2b(toolkit() + source, digest_size=8).hexdigest()
    return f"{rewrite.__module__}.{rewrite.__qualname__}:{digest}"


def compile(
    pattern: str,
    flags: int = 0,
    rewrite: Callable[[str, int], str] | None = None,
    kinds: Mapping[str, str] | None = None,
) -> re.Pattern[str]:
    """``re.compile(rewrite(pattern, flags) if rewrite else pattern, flags)``, from the disk when it
    was compiled before. ``rewrite`` must depend on its arguments and check-docs' code only (it is
    cached by its name, its module's source and check-docs' own bytes). With ``kinds`` (a group's
    name -> the kind it stands for), the empty groups of one kind are one (:func:`_merge_kinds`):
    ``lastgroup`` is then a name of the kind only, and a merged name no group's."""
    global _entries, _dirty
    if _sre is None:
        return re.compile(rewrite(pattern, flags) if rewrite else pattern, flags)
    if _path() is None:  # compiled as below (the same code), not kept
        return _fresh(rewrite(pattern, flags) if rewrite else pattern, flags, kinds)[0]
    if _entries is None:
        _entries = _load()
        atexit.register(save)
    key = (pattern, int(flags), _kinds_tag(kinds, _rewrite_name(rewrite) if rewrite else ""))
    _used.add(key)
    kept = _entries.get(key)
    if kept is not None:
        try:
            entry = _decoded(kept)
            if entry is not None:
                return _pattern(entry)
        except (TypeError, ValueError, EOFError, RuntimeError, OverflowError):
            pass  # written by a Python that differs in a way the file name did not catch
    compiled, made = _fresh(rewrite(pattern, flags) if rewrite else pattern, flags, kinds)
    if made is not None:
        data = marshal.dumps(made)
        _entries[key] = (memoryview(data), zlib.crc32(data))
        _dirty = True
    return compiled


def _kinds_tag(kinds: Mapping[str, str] | None, rewrite: str) -> str:
    """The key's rewrite part (``rewrite``, a name:digest) for an entry whose groups of ``kinds`` were
    merged (:func:`_merge_kinds`): a digest of ``kinds`` before the name, so :func:`_current` keeps the
    entries of each ``kinds`` (each language's) apart, and an entry kept unmerged is never read."""
    if kinds is None:
        return rewrite
    listed = "\0".join(f"{name}\0{kind}" for name, kind in sorted(kinds.items()))
    version = "" if ":" in rewrite else f":{hashlib.blake2b(toolkit(), digest_size=8).hexdigest()}"
    return f"kinds-{hashlib.blake2b(listed.encode(), digest_size=8).hexdigest()}/{rewrite}{version}"


def _fresh(text: str, flags: int, kinds: Mapping[str, str] | None = None) -> tuple[re.Pattern[str], _Entry | None]:
    """``text`` compiled, and the entry that gives it again (None when ``re.compile`` had to)."""
    try:
        entry = _compile_code(text, flags, kinds)
        return _pattern(entry), entry
    except (re.error, TypeError, ValueError, RuntimeError, OverflowError, AttributeError):
        return re.compile(text, flags), None  # a bad pattern raises its re.error here
