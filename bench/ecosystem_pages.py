"""Stated defaults of a Markdown page, and their alignment with the English page.

The ecosystem check mines its labels from history with this reader, independently of the
checker it measures: it knows only ``Default:`` lines (in many languages) and the Default column
of option tables, which is where real projects state defaults.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

# Labels of a stated default, lower case, in the languages real docs are translated into.
LABELS = (
    "default",
    "default value",
    "defaults",
    "standard",
    "standardwert",
    "voreinstellung",
    "vorgabe",
    "por defecto",
    "predeterminado",
    "valor predeterminado",
    "valor por defecto",
    "por omisión",
    "padrão",
    "valor padrão",
    "predefinição",
    "par défaut",
    "valeur par défaut",
    "défaut",
    "默认值",
    "默认",
    "缺省值",
    "預設值",
    "預設",
    "默認值",
    "デフォルト",
    "デフォルト値",
    "既定値",
    "初期値",
    "기본값",
    "기본 값",
    "по умолчанию",
    "значение по умолчанию",
    "predefinito",
    "valore predefinito",
    "domyślnie",
    "wartość domyślna",
    "за замовчуванням",
    "типово",
    "значення за замовчуванням",
    "varsayılan",
    "varsayılan değer",
    "mặc định",
    "giá trị mặc định",
    "پیش‌فرض",
    "مقدار پیش‌فرض",
    "bawaan",
    "nilai bawaan",
    "standaard",
    "standaardwaarde",
    "डिफ़ॉल्ट",
    "standardværdi",
    "القيمة الافتراضية",
    "الافتراضي",
    "ค่าเริ่มต้น",
)
_LABEL_RE = "|".join(re.escape(x) for x in sorted(LABELS, key=len, reverse=True))
# French typography puts a (non-breaking) space before the colon, often as ``&nbsp;``.
DEFAULT_LINE = re.compile(
    r"^\s*(?:>\s*)*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?:"
    + _LABEL_RE
    + r")(?:\s|&nbsp;|&#160;)*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?P<v>\S.*)$",
    re.IGNORECASE,
)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
CELL_SPLIT = re.compile(r"(`+).+?\1|\\\||\|")
EXPLICIT_ID = re.compile(r"\{#([^}\s]+)\}\s*$")
ENGLISH_DEFAULT_HEADER = re.compile(r"\bdefault", re.IGNORECASE)
NONE_WORDS = {
    "",
    "-",
    "_",
    "—",
    "–",
    "undefined",
    "null",
    "none",
    "nil",
    "n/a",
    "无",
    "無",
    "なし",
    "없음",
    "нет",
    "ninguno",
}
NUMBER = re.compile(r"^[-+]?\d[\d_,]*(?:\.\d+)?\s*[a-zA-Z%]{0,3}$")
TOKENS = re.compile(r"""'[^']*'|"[^"]*"|\s+|[^'"\s]+|.""")
QUOTED = re.compile(r"""^(['"]).*\1$""")


@dataclass(frozen=True)
class Statement:
    """One stated default: where it is (1-based line), what it is about, and its raw value."""

    key: tuple[object, ...]
    line: int
    option: str
    value: str


@dataclass
class Page:
    headings: list[tuple[int, str | None]]  # (level, anchor id or None), in page order
    titles: list[str]  # heading texts, in page order
    statements: list[tuple[int, tuple[object, ...], int, str, str]]  # (heading index, local key, line, option, value)
    tables: list[tuple[int, int, list[str], int]]  # (heading index, table ordinal, header cells, line)


def heading_id(text: str) -> str | None:
    """What stays the same across languages: a code span, an explicit ``{#id}``, or nothing."""
    m = EXPLICIT_ID.search(text)
    if m:
        return "#" + m.group(1)
    m = CODE_SPAN.search(text)
    if m:
        return m.group(2).strip()
    return None


def cells(row: str) -> list[str]:
    """A table row's cells; pipes inside code spans or escaped do not split."""
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    out, start = [], 0
    for m in CELL_SPLIT.finditer(row):
        if m.group(0) == "|":
            out.append(row[start : m.start()].strip().replace("\\|", "|"))
            start = m.end()
    out.append(row[start:].strip().replace("\\|", "|"))
    return out


def value_of(text: str) -> str | None:
    """The value stated in a line or cell: its first code span, or a bare value-like token."""
    m = CODE_SPAN.search(text)
    if m:
        return m.group(2).strip()
    t = re.sub(r"<[^>]+>", "", text).strip().strip("*_").strip().rstrip(".。,;")
    if t.lower() in NONE_WORDS or t.lower() in ("true", "false") or NUMBER.match(t) or QUOTED.match(t):
        return t
    return None


def _is_separator(row: str) -> bool:
    return bool(re.match(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$", row))


def parse(text: str) -> Page:
    lines = text.split("\n")
    page = Page(headings=[], titles=[], statements=[], tables=[])
    start = 0
    if lines and lines[0].strip() == "---":
        for j in range(1, min(len(lines), 400)):
            if lines[j].strip() == "---":
                start = j + 1
                break
    fence: str | None = None
    section = -1
    counts: dict[int, int] = {}
    table_ord: dict[int, int] = {}
    i = start
    while i < len(lines):
        line = lines[i]
        m = FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            i += 1
            continue
        if m:
            fence = m.group(1)
            i += 1
            continue
        h = HEADING.match(line)
        if h:
            page.headings.append((len(h.group(1)), heading_id(h.group(2))))
            page.titles.append(h.group(2).strip())
            section = len(page.headings) - 1
            i += 1
            continue
        d = DEFAULT_LINE.match(line)
        if d:
            v = value_of(d.group("v"))
            if v is not None:
                n = counts.get(section, 0)
                counts[section] = n + 1
                page.statements.append((section, ("line", n), i + 1, "", v))
            i += 1
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) and _is_separator(lines[i + 1]):
            header = cells(line)
            t = table_ord.get(section, 0)
            table_ord[section] = t + 1
            page.tables.append((section, t, header, i + 1))
            j = i + 2
            rows: list[tuple[int, list[str]]] = []
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                rows.append((j + 1, cells(lines[j])))
                j += 1
            keyed = []
            for r, (ln, row) in enumerate(rows):
                km = CODE_SPAN.search(row[0]) if row else None
                plain = re.sub(r"[*_\\]|<[^>]+>", "", row[0]).strip() if row else ""
                # the row's option: its code, else its first cell as written (a prop name such as
                # attr-type; a translated first cell then pairs with nothing), else its position
                keyed.append((ln, row, km.group(2).strip() if km else (plain or ("#", r))))
            doubled = {k for k, n in Counter(k for _, _, k in keyed).items() if n > 1}
            for ln, row, rkey in keyed:
                if rkey in doubled:
                    continue  # two rows for one option: which one a translation's row is, is unknown
                for c, cell in enumerate(row[1:], start=1):
                    v = value_of(cell)
                    if v is not None:
                        opt = rkey if isinstance(rkey, str) else ""
                        page.statements.append((section, ("table", t, rkey, c, len(header)), ln, opt, v))
            i = j
            continue
        i += 1
    return page


def _default_columns(page: Page) -> set[tuple[int, int, int]]:
    """(heading index, table ordinal, column) of English Default columns."""
    out = set()
    for sec, t, header, _ in page.tables:
        for c, h in enumerate(header):
            if c and ENGLISH_DEFAULT_HEADER.search(h):
                out.add((sec, t, c))
    return out


def _signature(page: Page, shared: set[str]) -> list[str]:
    """Level and id of each heading; a title both pages write alike (``## Zig``) is an id too."""
    pairs = zip(page.headings, page.titles, strict=True)
    return [f"{lvl}:{hid or (t if t in shared else '')}" for (lvl, hid), t in pairs]


def section_map(en: Page, tr: Page) -> dict[int, int]:
    """Translated heading index -> English heading index, by heading level and ids in order;
    unmatched runs of as many headings of the same levels on both sides pair one for one."""
    shared = set(en.titles) & set(tr.titles)
    a, b = _signature(en, shared), _signature(tr, shared)
    if a == b:
        return {k: k for k in range(-1, len(a))}
    mapping = {-1: -1}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        same_levels = [x[0] for x in en.headings[i1:i2]] == [x[0] for x in tr.headings[j1:j2]]
        if tag == "equal" or (tag == "replace" and same_levels):
            for k in range(i2 - i1):
                mapping[j1 + k] = i1 + k
    return mapping


def _option(en: Page, sec: int) -> str:
    """The nearest heading id at or above ``sec``: the option a ``Default:`` line is about."""
    level = 7
    for k in range(sec, -1, -1):
        lvl, hid = en.headings[k]
        if lvl < level:
            if hid:
                return hid
            level = lvl
    return ""


def english_statements(en: Page) -> dict[tuple[object, ...], Statement]:
    cols = _default_columns(en)
    out = {}
    for sec, local, line, opt, v in en.statements:
        if local[0] == "table":
            _, t, _rkey, c, _ncols = local
            if (sec, t, c) not in cols:
                continue
        key = (sec, *local)
        out[key] = Statement(key, line, opt or _option(en, sec), v)
    return out


def aligned(en: Page, tr: Page) -> list[tuple[Statement, Statement]]:
    """(English, translated) stated defaults at the same place of both pages."""
    ens = english_statements(en)
    smap = section_map(en, tr)
    # ``Default:`` lines pair by order within a section: only where both sections hold as many
    en_lines = Counter(k[0] for k in ens if k[1] == "line")
    tr_lines = Counter(smap.get(sec) for sec, local, *_ in tr.statements if local[0] == "line")
    pairs = []
    for sec, local, line, _opt, v in tr.statements:
        if sec not in smap:
            continue
        if local[0] == "line" and en_lines[smap[sec]] != tr_lines[smap[sec]]:
            continue
        key = (smap[sec], *local)
        e = ens.get(key)
        if e is not None:
            pairs.append((e, Statement(key, line, e.option, v)))
    return pairs


def norm(value: str) -> str:
    """One spelling per value: the quote character, escapes, spaces outside quotes and the case of
    keywords do not count; spaces inside a quoted string do (``" 🏷 "`` is not ``"🏷 "``)."""
    v = value.strip().replace("\\", "")
    if v.lower() in NONE_WORDS:
        return "<none>"
    parts = []
    for tok in TOKENS.findall(v):
        if tok[0] in "'\"" and len(tok) > 1 and tok[-1] == tok[0]:
            parts.append('"' + tok[1:-1] + '"')
        elif not tok.isspace():
            parts.append(tok)
    v = "".join(parts).replace(";", ",").replace(",}", "}").replace(",]", "]").rstrip(",")
    low = v.lower().strip('"')
    if low in ("true", "false"):
        return low
    if low in NONE_WORDS:
        return "<none>"
    return v.strip('"') if v.count('"') == 2 and v.startswith('"') and v.endswith('"') else v


def value_type(value: str) -> str:
    v = norm(value)
    if v in ("true", "false"):
        return "boolean"
    if v == "<none>":
        return "none"
    if v.startswith("["):
        return "list"
    if v.startswith("{"):
        return "object"
    if NUMBER.match(value.strip().strip("`'\"")):
        return "number"
    return "string"
