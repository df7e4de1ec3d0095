"""When a sentence states a setting's default: the rules, over the tokens of ``tokens.py``.

A sentence (or list item, heading, table cell) links a setting to a value when:

1. **default word between them** — a word meaning "default" stands between the setting
   and the value, at most three words before the value: "X defaults to 8", "X (default: 8)",
   "X 的默认值为 8", "X の既定値は 8", "X ... par défaut ... 8". No condition, instruction,
   other owner or other value may come between the setting and the default word ("X ...:
   with the default settings, 4 requests" says nothing about X), unless the default word
   opens a parenthesis: "set X to 2 (the default is 5)" and "when X is on (default: off)"
   state the value in the parenthesis.
2. **plain copula** — only "is"-words stand between them ("X is 8", "X 为 8", "X は 8 です",
   "X vaut 8", "X é 8", "X هي 8"), and the clause is not a condition, an instruction or
   an example (no "if", "when", "set", "with", "for example", "如果", "设为", "場合",
   "si", "se", "إذا" ... before the value or right after it: "为 0 时"). ``=`` and ``:``
   count as copulas only when the sentence (or the list's introduction) says "default", and so
   does a passive "is set to" (``set_copula`` in the language files: "By default, X is set to 8",
   "X est fixé par défaut à 8", "Por padrão, X está configurado para 8").
   For text settings (model names, URLs) a copula is not enough: the sentence must say default.
   An aside set off by commas may stand before the copula ("The default for X, which every
   call uses, is 8"); a blocker past a comma opens the next clause ("X is 8, set it to 2 for
   tests" states 8).
3. **default word right after the value** — "X vaut 8 par défaut", "X é 8 por padrão"; past a
   comma only when nothing else comes between ("X is 5, by default", not "when X is 600 s, the
   default does not apply").
4. **value, then the setting in parentheses** — "waits 8 seconds by default (X)", when the
   sentence says default before the value.
5. **carried subject** — a sentence with no setting that starts with a default word
   ("Its default is 8.", "默认值为 8 秒。", "Par défaut : 8.") is about the setting
   named by the previous sentence of the same paragraph, list item or table cell, or,
   read from the page's structure, by its parent list item, definition term or section
   heading ("- `X`" then "  - 默认值：8"; "### `X`" then "**Default:** 8"). From structure
   the default word must open the sentence and the value follow it at once: a sentence
   under "### `X`" that says "By default, a call sends 6 requests" is not about X.

A condition on absence is a default word ("if not set", "when omitted", "未指定时",
"指定しない場合", "si elle n'est pas définie", "se não for definido", "إذا لم يُحدَّد"; in the
language files), matched before the blocker it starts with: "If not set, X is 5", "X: if
unset, 120 seconds". When it comes right before the setting, a blocker right after the
setting closes it: "不设置 X 时为 600 秒".

A default word further from its value (up to ``LONG_REACH`` words) still counts when a
copula or colon stands right before the value and no comma, condition or other value
comes between: "X has a default value that few projects change: 8".

Gapping: after a setting linked to its value, the next setting of the sentence takes the
value that follows it at once: "X defaults to 5, Y to 3", "X vaut 5 par défaut, Y 3 s",
"X tem como padrão 5 e Y, 3 segundos".

Several settings and several values ("X and Y are 3 and 60 seconds respectively",
"分别为", "それぞれ", "respectivement", "respectivamente", "على التوالي") are paired in
order. A value is never linked across another setting, or across a word that gives the
value to something else (litellm, OpenAI, Retry-After, "instead of", "unlike"...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transdocs.statements.lexicon import Lexicon, says_default
from transdocs.statements.targets import compatible
from transdocs.statements.tokens import Group, Item, Token, gap_units, group, tokenize
from transdocs.statements.values import Value
from transdocs.statements.word_patterns import Kept, strip_marks

# How far (in words; a CJK character is half a word) a default word may be from its value,
# not counting the words the checker recognises ("defaults to 8", "默认值分别为 3 和 8").
DEFAULT_REACH = 3
# How far a default word may be from its value when a copula or colon comes right before it.
LONG_REACH = 6
# How many words may stand between a setting and its value in gapping ("Y to 3").
GAP_REACH = 1
# How many words may come before the default word of a sentence with a carried subject.
CARRY_REACH = 3
# Words allowed between setting and value when a default word follows the value.
TRAILING_REACH = 3
# A subject from structure: at most this many words before the default word, and after it.
STRUCTURE_LEAD = 2
STRUCTURE_REACH = 1


@dataclass(frozen=True)
class Statement:
    """The page says ``setting`` (field name) has ``value``; ``offset`` is where the value is."""

    setting: str
    value: Value
    offset: int


@dataclass(frozen=True)
class Context:
    """What the surrounding block tells about a piece of prose."""

    # The list or table this text belongs to is introduced as showing defaults.
    says_default: bool = False
    # The setting this text is about when it names none (a table row's setting).
    subject: str | None = None
    # Table cells are short: the default word may be anywhere in them.
    subject_anywhere: bool = False
    # The subject comes from the page's structure (parent item, term, heading): see rule 5.
    from_structure: bool = False
    # The introduction of the list this text is an item of: the list shows defaults when it says default
    # with no blocker (asked only when a rule needs it, see _Sentence.default_said: few sentences do).
    intro: str = ""


_CLAUSE_END = re.compile(r"[.。!！?？;；,，、\n]")
_CLAUSE_MARK = re.compile(r"[,，、;；،]")
_ASIDE_OPEN = re.compile(r"\s*[,，،]")


def _is(item: Item, kind: str | tuple[str, ...]) -> bool:
    return isinstance(item, Token) and (item.kind == kind if isinstance(kind, str) else item.kind in kind)


def _is_group(item: Item, kind: str) -> bool:
    return isinstance(item, Group) and item.kind == kind


def _fits(setting: str, values: Item, lex: Lexicon) -> bool:
    """Whether a group of values holds one that can be a value of ``setting``."""
    target = lex.targets.by_setting.get(setting)
    return (
        isinstance(values, Group)
        and target is not None
        and any(
            t.value is not None
            and compatible(target, t.value)
            and not (t.value.count and target.in_seconds)  # "1 回" is no timeout
            for t in values.members
        )
    )


class _Sentence:
    """One sentence's items and the rules that link them."""

    def __init__(
        self, start: int, tokens: list[Token], token_kinds: str, text: str, lex: Lexicon, context: Context
    ) -> None:
        """``token_kinds``: the kinds of ``tokens``, one character each."""
        self.start, self.text, self.lex = start, text, lex
        self.items = group(tokens, text, lex)
        # One character an item: its kind (settings and values are groups, the linking words tokens).
        self.kinds = "".join([item.kind for item in self.items])
        if len(self.kinds) != len(self.items):  # the rules read positions in it: a longer kind would shift them
            raise ValueError(f"an item kind of more than one character among {[item.kind for item in self.items]}")
        self.says_default = context.says_default or "D" in token_kinds
        self.intro = context.intro
        self.respectively = "R" in token_kinds

    def default_said(self) -> bool:
        """Whether the sentence says default, or the list it is an item of is introduced as showing defaults."""
        return self.says_default or (bool(self.intro) and says_default(self.intro, self.lex))

    def gap(self, a: Item, b: Item, *, skip_glue: bool = False) -> float:
        text = self.text[a.end : b.start]
        return self.lex.units_between(text, skip_glue=skip_glue)

    def run_gap(self, first: int, last: int, *, skip_glue: bool = False) -> float:
        """Words between items ``first`` and ``last``, not counting the linking words in between
        (blocker words are real words here: "默认设置时，最多共发送 6" is far from its default word)."""
        inside = [i for i in self.items[first + 1 : last] if isinstance(i, Token) and i.kind != "B"]
        return gap_units(
            self.text, self.items[first].end, self.items[last].start, inside, self.lex, skip_glue=skip_glue
        )

    # --- rule 1: a default word between setting and value -------------------------------

    def value_after_default(
        self, k: int, stop: int, setting: str, in_paren: bool, reach: int = DEFAULT_REACH
    ) -> int | None:
        kinds = self.kinds  # an item's kind tells what it is: settings and values are always groups, the rest tokens
        for j in range(k + 1, stop):
            kind = kinds[j]
            if kind == "F" or (in_paren and kind == ")"):
                return None
            if kind == "V" and _fits(setting, self.items[j], self.lex):
                gap = self.run_gap(k, j, skip_glue=True)
                if self.condition_after(j):
                    return None  # "defaults to 'async-node' if target is 'node'": a conditional default
                return j if gap <= reach or (reach == DEFAULT_REACH and self.long_reach(k, j, gap)) else None
        return None

    def condition_after(self, v: int) -> bool:
        """A blocker right after the value, in the same clause: the value holds only under it."""
        after = self.items[v + 1] if v + 1 < len(self.items) else None
        if after is None or not _is(after, "B") or self.gap(self.items[v], after) > 0.5:
            return False
        return not _CLAUSE_MARK.search(self.text[self.items[v].end : after.start])

    def long_reach(self, k: int, j: int, gap: float) -> bool:
        """ "X has a default value that few projects change: 8": a copula or colon right before
        the value, nothing but words between (no comma, condition, owner or other value)."""
        before = self.items[j - 1]
        if gap > LONG_REACH or not _is(before, ("C", "E")) or self.gap(before, self.items[j]) > 0:
            return False
        if any(not _is(item, ("C", "E")) for item in self.items[k + 1 : j - 1]):
            return False
        return not any(mark in self.text[self.items[k].end : before.start] for mark in ",，、;")

    def opens_with_default(self, paren: int | None, k: int) -> bool:
        """Whether the default word ``k`` starts the parenthesis opened at ``paren``: "(default: 8)"."""
        return paren is not None and self.gap(self.items[paren], self.items[k], skip_glue=True) <= 3

    def rule_default_between(self, m: int, stop: int, setting: str) -> int | None:
        paren: int | None = None
        interrupted = False  # a value, a condition or another owner came first
        foreign = False  # another owner came first: "unlike litellm (default 2)" is litellm's
        kinds = self.kinds
        for k in range(m + 1, stop):
            kind = kinds[k]
            if kind == "(":
                paren = k
            elif kind == ")":
                paren = None
            elif paren is None and (kind in "FB" or (kind == "V" and _fits(setting, self.items[k], self.lex))):
                interrupted = True
                foreign = foreign or kind == "F"
            elif kind == "D":
                in_paren = self.opens_with_default(paren, k)
                if foreign or (interrupted and not in_paren):
                    return None
                found = self.value_after_default(k, stop, setting, in_paren)
                if found is not None:
                    return found
        return None

    # --- rule 2: a plain copula ---------------------------------------------------------

    def blocked(self, v: int, closing: int | None = None) -> bool:
        if any(_is(item, "B") and k != closing for k, item in enumerate(self.items[:v])):
            return True
        after = self.items[v + 1] if v + 1 < len(self.items) else None
        if after is None or not _is(after, "B") or self.gap(self.items[v], after) > 0.5:
            return False
        # "X is 8, set it to 2 for tests": a blocker past a comma opens the next clause.
        return not _CLAUSE_MARK.search(self.text[self.items[v].end : after.start])

    def after_aside(self, m: int, stop: int) -> tuple[int, int]:
        """Where the clause goes on (item, offset) after an aside set off by commas right after the
        setting: "X, which every call uses, is 8" (``m + 1`` when there is none). An aside holding a
        value, a setting, a condition or another owner is no aside."""
        none = (m + 1, self.items[m].end)
        opening = _ASIDE_OPEN.match(self.text, self.items[m].end)
        closing = _CLAUSE_MARK.search(self.text, opening.end()) if opening else None
        if opening is None or closing is None or not self.lex.units_between(self.text[opening.end() : closing.start()]):
            return none
        k = m + 1
        while k < stop and self.items[k].start < closing.start():
            if not _is(self.items[k], ("C", "E", "D")):
                return none
            k += 1
        return (k, closing.end()) if k < stop else none

    def rule_copula(self, m: int, stop: int, setting: str) -> int | None:
        (k, end), words = self.after_aside(m, stop), set()
        closes = self.closes_absence(m, stop)  # "不设置 X 时为 600 秒": 时 ends the condition
        if closes:
            k, end = m + 2, self.items[m + 1].end
        while k < stop and isinstance(self.items[k], Token) and self.items[k].kind in ("C", "R", "E"):
            if self.lex.units_between(self.text[end : self.items[k].start], skip_glue=True) > 0:
                return None
            end = self.items[k].end
            words.add(self.items[k].kind)
            k += 1
        if not words or k >= stop or not _is_group(self.items[k], "V"):
            return None
        if self.gap(self.items[k - 1], self.items[k], skip_glue=True) > 0:
            return None
        if not _fits(setting, self.items[k], self.lex):
            return None
        target = self.lex.targets.by_setting[setting]
        needs_default = not words & {"C", "R"} or target.kind == "str"
        if needs_default and not self.default_said():
            return None
        return None if self.blocked(k, m + 1 if closes else None) else k

    def closes_absence(self, m: int, stop: int) -> bool:
        """A default word (a condition on absence: "不设置", "未指定") right before the setting,
        and a blocker right after it that closes that condition ("时"), then a copula."""
        if m == 0 or m + 2 >= stop or not _is(self.items[m - 1], "D") or not _is(self.items[m + 1], "B"):
            return False
        if self.gap(self.items[m - 1], self.items[m], skip_glue=True) > 0.5:
            return False
        return self.gap(self.items[m], self.items[m + 1]) == 0 and _is(self.items[m + 2], ("C", "E"))

    # --- rule 3: a default word right after the value -----------------------------------

    def rule_default_after(self, m: int, stop: int, setting: str) -> int | None:
        for k in range(m + 1, stop):
            item = self.items[k]
            if _is(item, "F"):
                return None
            if _is_group(item, "V") and _fits(setting, item, self.lex):
                if self.run_gap(m, k) > TRAILING_REACH or k + 1 >= len(self.items):
                    return None
                after = self.items[k + 1]
                if not _is(after, "D"):
                    return None
                # "X is 5, by default" states 5; "when X is 600 s, the default does not apply" does not.
                if _CLAUSE_MARK.search(self.text[item.end : after.start]):
                    return k if self.gap(item, after) == 0 else None
                return k if self.gap(item, after) <= 1 else None
        return None

    # --- pairing ------------------------------------------------------------------------

    def pair(self, settings: list[Token], values: Group) -> list[Statement]:
        names = [t.setting for t in settings if t.setting]
        found = [t for t in values.members if t.value is not None]
        if len(names) == len(found):
            pairs = list(zip(names, found, strict=True))
        elif len(set(names)) == 1:
            pairs = [(names[0], found[0])]
        elif len(found) == 1 and not self.respectively:
            pairs = [(name, found[0]) for name in names]
        else:
            return []
        return [Statement(name, token.value, token.start) for name, token in pairs if token.value]

    def statements(self, carried: str | None, anywhere: bool, strict: bool = False) -> list[Statement]:
        found: list[Statement] = []
        used: set[int] = set()
        kinds = self.kinds
        settings = [i for i, kind in enumerate(kinds) if kind == "M"] if "M" in kinds else []  # none: rule 5
        previous: int | None = None  # the value linked to the previous setting
        for n, m in enumerate(settings):
            stop = settings[n + 1] if n + 1 < len(settings) else len(kinds)
            linked: int | None = None
            # Each rule (and gapping) links the setting to a value before the next setting, and is
            # asked only when the items it needs are there (the kinds between, one character each).
            between = kinds[m + 1 : stop]
            if "V" in between:
                group_ = self.items[m]
                assert isinstance(group_, Group)
                first = group_.members[0].setting or ""
                if "D" in between:  # rule 1: a default word, then the value
                    linked = self.rule_default_between(m, stop, first)
                if linked is None and ("C" in between or "E" in between or "R" in between):
                    linked = self.rule_copula(m, stop, first)  # rule 2: copulas, then the value
                if linked is None and "VD" in between:
                    linked = self.rule_default_after(m, stop, first)  # rule 3: the value, then a default word
                if linked is None and previous is not None and between[0] == "V":
                    linked = self.gapped(previous, m, stop, first)  # the value right after the setting
                if linked is not None:
                    used.add(linked)
                    found += self.pair(group_.members, self.items[linked])  # type: ignore[arg-type]
            previous = linked
        if "(M)" in kinds:  # a value, then the setting in parentheses: rule 4 asks for nothing else
            found += self.value_then_setting(used)
        if not settings and carried and "D" in kinds:  # rule 5 links from a default word
            found += self.carried(carried, anywhere, strict)
        return found

    def gapped(self, previous: int, m: int, stop: int, setting: str) -> int | None:
        """ "X defaults to 5, Y to 3": Y right after X's value, Y's value right after Y."""
        between = self.items[previous + 1 : m]  # "and", or the default word after X's value
        if any(not _is(item, ("&", "D")) for item in between):
            return None
        inside = [item for item in between if isinstance(item, Token)]
        gap = gap_units(self.text, self.items[previous].end, self.items[m].start, inside, self.lex)
        v = m + 1
        if gap > GAP_REACH or v >= stop or not _is_group(self.items[v], "V"):
            return None
        if not _fits(setting, self.items[v], self.lex):
            return None
        if self.gap(self.items[m], self.items[v], skip_glue=True) > GAP_REACH:
            return None
        after = self.items[v + 1] if v + 1 < len(self.items) else None
        if after is not None and not (_is(after, ("&", "D")) or _is_group(after, "M")):
            return None
        # Nothing more in the clause: "Y 2.5 times longer" is no value of Y.
        rest = _CLAUSE_END.split(self.text[self.items[v].end : after.start if after else len(self.text)])[0]
        return v if self.lex.units_between(rest) == 0 else None

    # --- rule 4: "8 seconds by default (X)" ---------------------------------------------

    def value_then_setting(self, used: set[int]) -> list[Statement]:
        found = []
        for v, item in enumerate(self.items):
            if v in used or not _is_group(item, "V"):
                continue
            o = v + 1
            while o < len(self.items) and _is(self.items[o], "D"):
                o += 1
            if o + 2 >= len(self.items):
                continue
            opening, named, closing = self.items[o : o + 3]
            if not (_is(opening, "(") and _is_group(named, "M") and _is(closing, ")")):
                continue
            says_default = self.says_default and any(_is(i, "D") for i in self.items[:o])
            if says_default and self.run_gap(v, o) <= TRAILING_REACH:
                found += self.pair(named.members, item)  # type: ignore[union-attr,arg-type]
        return found

    # --- rule 5: a carried subject ------------------------------------------------------

    def carried(self, setting: str, anywhere: bool, strict: bool = False) -> list[Statement]:
        paren: int | None = None
        interrupted = foreign = False
        for k, kind in enumerate(self.kinds):
            if kind == "M":
                return []
            if kind == "(":
                paren = k
            elif kind == ")":
                paren = None
            elif kind in "FB" and paren is None:
                interrupted = True
                foreign = foreign or kind == "F"
            elif kind == "D":
                item = self.items[k]
                in_paren = self.opens_with_default(paren, k)
                lead = self.lex.units_between(self.text[self.start : item.start])
                limit = STRUCTURE_LEAD if strict else CARRY_REACH
                if foreign or (not in_paren and (interrupted or ((strict or not anywhere) and lead > limit))):
                    return []
                reach = STRUCTURE_REACH if strict else DEFAULT_REACH
                v = self.value_after_default(k, len(self.items), setting, in_paren, reach)
                if v is None:
                    return []
                token = self.items[v].members[0]  # type: ignore[union-attr]
                return [Statement(setting, token.value, token.start)] if token.value else []
        return []


# A setting the next sentence may be about opens its sentence: "`X` sets the wait. Its default is 8."
# One named in passing ("the file inside `srcDir`. Defaults to 'fetch'") hands nothing on.
SUBJECT_LEAD = 3


def _leads(tokens: list[Token], start: int, text: str, lex: Lexicon) -> bool:
    """Whether the sentence is about its setting: named near its start, or its sentence ends at a
    semicolon, whose next clause goes on about it ("expire after `X` seconds; the default is 300")."""
    first = next(t for t in tokens if t.kind == "M")
    if lex.units_between(text[start : first.start]) <= SUBJECT_LEAD:
        return True
    end = text.find(".", tokens[-1].end)
    clause = min((i for i in (text.find(";", tokens[-1].end), text.find("；", tokens[-1].end)) if i >= 0), default=-1)
    return clause >= 0 and (end < 0 or clause < end)


def statements(text: str, lex: Lexicon, context: Context = Context()) -> list[Statement]:
    """Every statement of a setting's value in ``text`` (a paragraph, list item or cell)."""
    text, kept = strip_marks(text)
    if context.subject is None and not lex.may_hold_setting(text):
        return []  # no setting named and none carried in: every sentence states nothing (see below)
    if not lex.may_hold_value(text):
        return []  # every rule links a setting to a value (the same test as below, without the scan)
    every = tokenize(text, lex)
    kinds = "".join([token.kind for token in every])
    if "V" not in kinds:
        return []  # every rule links a setting to a value: without one the text states nothing
    return read_tokens(text, kept, every, lex, context, kinds)


def read_tokens(
    text: str, kept: Kept | None, every: list[Token], lex: Lexicon, context: Context, every_kinds: str = ""
) -> list[Statement]:
    """:func:`statements` of a text already read: ``text, kept = strip_marks(...)`` and ``every``
    its tokens (a table cell's, read once to know what it names), which hold a value (callers
    skip a text without one: it states nothing); ``every_kinds``: their kinds joined, when the
    caller has them.

    A sentence is read by the rules only when the kinds of its tokens allow one to link (see
    ``_may_link``); whether a sentence hands its setting on to the next (``_leads``) is asked only
    when a later sentence would take it."""
    found: list[Statement] = []
    subject, strict = context.subject, context.from_structure
    leading: tuple[str | None, list[Token], int] | None = None  # a setting handed on if _leads says so
    every_kinds = every_kinds or "".join([token.kind for token in every])
    # One character a token, "END" three (no kind holds "N"): each sentence's kinds are a piece between
    # two. A sentence's tokens are cut out only when a rule may read it (most are not).
    start, first = 0, 0  # where the sentence starts in the text, its first token
    for kinds in every_kinds.split("END"):
        last = first + len(kinds)
        if "M" in kinds:
            tokens = every[first:last]
            if _may_link(kinds):  # the carried subject counts only in a sentence naming no setting (rule 5)
                found += _Sentence(start, tokens, kinds, text, lex, context).statements(None, False)
            if kinds.count("M") == 1:  # the one setting it names is handed on if _leads says so
                leading = (tokens[kinds.index("M")].setting, tokens, start)
            else:
                named = {t.setting for t in tokens if t.kind == "M"}
                leading = (named.pop(), tokens, start) if len(named) == 1 else None
            subject, strict = None, False
        elif "D" in kinds and "V" in kinds and (subject or leading):  # rule 5 links from a default word
            if leading is not None:
                setting, lead, lead_start = leading
                subject, leading = (setting if _leads(lead, lead_start, text, lex) else None), None
            if subject:
                sentence = _Sentence(start, every[first:last], kinds, text, lex, context)
                found += sentence.statements(subject, context.subject_anywhere, strict)
        if last < len(every):  # the sentence's end
            start = every[last].end
        first = last + 1
    return by_place(found, kept) if found else found


# A sentence's token kinds where a rule may link a setting to a value after it, before the next setting
# (a setting's group is its names joined by "and": ``M&M``): rule 1, a default word then the value; rule 2,
# copulas right before the value, after an aside (copulas and default words) or a closing blocker ("时");
# rule 3, the value right before a default word. Gapping links only after one of them. Written to take
# time linear in the sentence: rule 1 from the first default word after the setting, rule 2 from the
# start of a group alone (``M[^M]*D[^M]*V`` and ``M[M&]*`` from every setting took 2.5 s on a sentence of
# a value and 16,000 settings; a test compares the two patterns on every kinds string up to six long).
_LINKABLE = re.compile(r"M[^MD]*D[^MV]*V|(?<![M&])&*+M[M&]*+[CEDB]*[CRE]V|M[^M]*VD")


def _may_link(kinds: str) -> bool:
    """Whether a sentence naming a setting, its tokens' kinds ``kinds``, may state a value: one of
    ``_LINKABLE``, or rule 4's setting in parentheses after a value and a default word."""
    if "V" not in kinds:
        return False  # most sentences naming a setting: told without the search
    return _LINKABLE.search(kinds) is not None or ("(M" in kinds and "D" in kinds)


def by_place(found: list[Statement], kept: Kept | None) -> list[Statement]:
    """One statement per setting and place, at its offset in the text before ``strip_marks``
    (``kept``: where each kept character was; None when nothing was stripped)."""
    unique: dict[tuple[str, int], Statement] = {}
    for statement in found:
        offset = kept[statement.offset] if kept is not None else statement.offset
        unique.setdefault((statement.setting, offset), Statement(statement.setting, statement.value, offset))
    return list(unique.values())
