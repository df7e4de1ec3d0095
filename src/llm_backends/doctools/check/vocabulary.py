"""The words, in each docs language, that turn a sentence into a statement of a default.

The checker does not understand grammar; it recognises a handful of word classes
(see ``prose.py`` for how they combine). Keeping them here, as plain data, lets a
translator see and extend what the check understands for their language.

Conventions: Latin and Arabic entries match whole words (Arabic entries also after
the clitics و ف ب ل); CJK entries match anywhere; an entry starting with ``~``
matches anywhere in any script. Matching ignores case, and Arabic diacritics and
tatweel inside words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MINUTE, HOUR, MILLISECOND = 60.0, 3600.0, 0.001


@dataclass(frozen=True)
class Words:
    """One language's word classes."""

    # "default": a value next to one of these is the default.
    default: tuple[str, ...] = ()
    # "is": joins a setting to its value ("X is 5", "X 为 5", "X は 5", "X vaut 5").
    copula: tuple[str, ...] = ()
    # Several settings, several values, paired in order.
    respectively: tuple[str, ...] = ()
    # Conditions, instructions, examples and constraints: "if X is 0", "set X to 2",
    # "for example", "X is 0 or more".
    blocker: tuple[str, ...] = ()
    # The value belongs to something else: "litellm's default of 2", "instead of".
    foreign: tuple[str, ...] = ()
    # Words that sit harmlessly between a setting and a value ("X 的值为 5", "X est de 5").
    glue: tuple[str, ...] = ()
    # Words that contain a blocker but are not one ("超时" contains "时"); matched first.
    neutral: tuple[str, ...] = ()
    # "and" between settings or values ("X and Y", "3 和 60").
    conjunction: tuple[str, ...] = ()
    # Time units after a number, in seconds.
    units: dict[str, float] = field(default_factory=dict)
    # Words for "2 minutes" as one word (Arabic duals): word -> (number, seconds per unit).
    dual_units: dict[str, tuple[float, float]] = field(default_factory=dict)
    # Counters after a number ("5 retries", "5 次", "5 回").
    counters: tuple[str, ...] = ()
    # Number words, accepted before a unit or a counter ("two minutes", "deux minutes").
    number_words: dict[str, int] = field(default_factory=dict)
    true_words: tuple[str, ...] = ()
    false_words: tuple[str, ...] = ()
    # Table header words for the default column (besides ``default`` words).
    default_header: tuple[str, ...] = ()


ENGLISH = Words(
    default=("default", "defaults", "defaulting", "defaulted", "by default"),
    copula=("is", "are", "equals", "is equal to"),
    respectively=("respectively",),
    blocker=(
        "if", "when", "whenever", "while", "unless", "once", "set", "sets", "change", "changes",
        "override", "raise", "lower", "increase", "decrease", "reduce", "try", "with", "without",
        "e.g.", "for example", "for instance", "example", "suppose", "assume",
        # Constraints, not values: "X is 0 or more", "X must be at least 1".
        "at least", "at most", "or more", "or less", "up to", "greater than", "less than", "more than",
        "no more than", "between", "must",
    ),
    foreign=(
        "litellm", "openai", "tenacity", "httpx", "sdk", "retry-after", "retry-after-ms",
        "instead of", "rather than", "unlike", "replaces",
    ),
    glue=("the", "value", "of"),
    conjunction=("and", "&"),
    units={
        "ms": MILLISECOND, "millisecond": MILLISECOND, "milliseconds": MILLISECOND,
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "min": MINUTE, "mins": MINUTE, "minute": MINUTE, "minutes": MINUTE,
        "h": HOUR, "hr": HOUR, "hrs": HOUR, "hour": HOUR, "hours": HOUR,
    },
    counters=("times", "retries", "retry", "attempts", "requests"),
    number_words={
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
    },
    true_words=("true", "enabled"),
    false_words=("false", "disabled"),
)

CHINESE = Words(
    default=("默认", "默認", "默认情况下", "缺省", "预设", "預設"),
    copula=("为", "為", "是", "等于"),
    respectively=("分别", "分別", "依次"),
    blocker=(
        "如果", "若", "假如", "倘若", "当", "時", "时", "的话", "设为", "设置为", "設為", "设成", "改为",
        "改成", "调为", "调成", "调整为", "调到", "调高", "调低", "降低", "提高", "例如", "比如", "示例",
        "例子", "举例", "假设", "将", "把", "只要", "一旦",
        # Not 以上/以下: they also mean "the above"/"the following" ("以下是默认值：").
        "至少", "最多", "不超过", "不少于", "大于", "小于", "必须", "之间",
    ),
    foreign=("而不是", "而非", "取代", "代替", "替代", "不同于", "与其"),
    glue=("的", "值", "取值", "数值"),
    neutral=(
        "超时", "超時", "时间", "時間", "小时", "同时", "及时", "实时", "临时", "暂时", "时长",
        "当前", "相当", "适当", "应当",
    ),
    conjunction=("和", "与", "與", "及", "以及", "、"),
    units={
        "毫秒": MILLISECOND, "秒钟": 1, "秒鐘": 1, "秒": 1, "分钟": MINUTE, "分鐘": MINUTE, "分": MINUTE,
        "小时": HOUR, "小時": HOUR, "个小时": HOUR, "钟头": HOUR,
    },
    counters=("次", "遍"),
    true_words=("启用", "开启", "打开", "啟用", "開啟"),
    false_words=("禁用", "关闭", "停用", "關閉", "不启用", "不开启"),
)

JAPANESE = Words(
    default=("既定", "デフォルト", "初期値", "初期設定", "省略時", "規定値"),
    copula=("は", "が"),
    respectively=("それぞれ", "各々", "順に"),
    blocker=(
        "場合", "とき", "時", "なら", "ならば", "たら", "れば", "もし", "仮に", "例えば", "たとえば", "例",
        "に設定", "を設定", "に変更", "を変更", "にする", "にすると", "にした", "にして", "に上げ", "に下げ",
        "を上げ", "を下げ", "にでき", "にすれば", "に変え",
        # Not 以上/以下: they also mean "the above"/"the following" ("以下のとおり").
        "未満", "より", "まで", "少なくとも", "最大", "最小", "必要",
    ),
    foreign=("ではなく", "代わりに", "とは異なり"),
    glue=("の", "値", "設定値"),
    neutral=("時間", "同時", "時点", "例外", "一時的", "一時"),
    conjunction=("と", "、", "および", "及び", "や"),
    units={"ミリ秒": MILLISECOND, "秒間": 1, "秒": 1, "分間": MINUTE, "分": MINUTE, "時間": HOUR},
    counters=("回", "度"),
    true_words=("有効", "オン"),
    false_words=("無効", "オフ"),
)

FRENCH = Words(
    default=("par défaut", "défaut", "défauts", "prédéfini", "prédéfinie"),
    copula=("est", "sont", "vaut", "valent", "égale", "est égal à", "est égale à"),
    respectively=("respectivement",),
    blocker=(
        "si", "s'il", "lorsque", "lorsqu", "quand", "avec", "sans", "définissez", "définir", "réglez",
        "régler", "réglé", "réglée", "fixez", "fixé", "fixée", "mettez", "passez", "modifiez", "modifier",
        "changez", "changer", "augmentez", "réduisez", "baissez", "diminuez", "par exemple", "exemple",
        "p. ex.", "essayez", "supposons",
        "au moins", "au plus", "au maximum", "au minimum", "ou plus", "ou moins", "supérieur", "supérieure",
        "inférieur", "inférieure", "entre", "doit", "jusqu'à",
    ),
    foreign=("au lieu de", "contrairement", "plutôt que", "remplace", "remplacent"),
    glue=("de", "d'", "à", "la", "le", "l'", "valeur", "égal", "égale"),
    conjunction=("et",),
    units={
        "ms": MILLISECOND, "milliseconde": MILLISECOND, "millisecondes": MILLISECOND,
        "s": 1, "sec": 1, "seconde": 1, "secondes": 1,
        "min": MINUTE, "minute": MINUTE, "minutes": MINUTE, "h": HOUR, "heure": HOUR, "heures": HOUR,
    },
    counters=("fois", "tentatives", "nouvelles tentatives", "requêtes", "essais"),
    number_words={
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
        "neuf": 9, "dix": 10, "vingt": 20, "trente": 30, "soixante": 60, "quatre-vingt-dix": 90,
    },
    true_words=("vrai", "activé", "activée", "activés", "activées"),
    false_words=("faux", "désactivé", "désactivée", "désactivés", "désactivées"),
)

PORTUGUESE = Words(
    default=("padrão", "padrões", "por padrão", "por omissão", "predefinido", "predefinida",
             "pré-definido", "pré-definida"),
    copula=("é", "são", "vale", "valem", "é igual a", "igual a"),
    respectively=("respectivamente", "respetivamente"),
    blocker=(
        "se", "quando", "caso", "com", "sem", "defina", "definir", "configure", "configurar", "ajuste",
        "ajustar", "altere", "alterar", "mude", "mudar", "aumente", "reduza", "diminua", "por exemplo",
        "exemplo", "tente", "suponha",
        "pelo menos", "no máximo", "no mínimo", "ou mais", "ou menos", "maior", "menor", "entre", "deve", "até",
    ),
    foreign=("em vez de", "ao invés de", "ao contrário", "diferente de", "substitui"),
    glue=("de", "o", "a", "valor", "igual"),
    conjunction=("e",),
    units={
        "ms": MILLISECOND, "milissegundo": MILLISECOND, "milissegundos": MILLISECOND,
        "s": 1, "seg": 1, "segundo": 1, "segundos": 1,
        "min": MINUTE, "minuto": MINUTE, "minutos": MINUTE, "h": HOUR, "hora": HOUR, "horas": HOUR,
    },
    counters=("vezes", "tentativas", "requisições", "pedidos"),
    number_words={
        "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6,
        "sete": 7, "oito": 8, "nove": 9, "dez": 10, "vinte": 20, "trinta": 30, "sessenta": 60,
        "noventa": 90,
    },
    true_words=("verdadeiro", "ativado", "ativada", "habilitado", "habilitada", "ligado"),
    false_words=("falso", "desativado", "desativada", "desabilitado", "desabilitada", "desligado"),
)

ARABIC = Words(
    default=("~افتراضي",),
    copula=("هو", "هي", "هما", "تساوي", "يساوي", "قيمته", "قيمتها", "تبلغ", "يبلغ"),
    respectively=("على التوالي", "على الترتيب"),
    blocker=(
        "إذا", "اذا", "عندما", "لو", "حين", "حينما", "عند", "مع", "في حال", "اضبط", "عيّن", "غيّر",
        "اجعل", "ارفع", "اخفض", "قلّل", "زد", "مثلا", "مثلاً", "مثال", "على سبيل المثال", "لنفترض",
        "على الأقل", "على الأكثر", "أو أكثر", "أو أقل", "أكبر", "أصغر", "أقل", "بين", "يجب", "حتى",
    ),
    foreign=("بدلا من", "بدلاً من", "بدل", "خلافا", "خلافًا", "على عكس", "يستبدل"),
    glue=("قيمة",),
    conjunction=("و",),
    units={
        "مللي ثانية": MILLISECOND, "ملي ثانية": MILLISECOND, "ميلي ثانية": MILLISECOND,
        "ثانية": 1, "ثوان": 1, "ثوانٍ": 1, "ثواني": 1, "ثانيه": 1,
        "دقيقة": MINUTE, "دقائق": MINUTE, "دقيقه": MINUTE, "ساعة": HOUR, "ساعات": HOUR, "ساعه": HOUR,
    },
    dual_units={
        "ثانيتان": (2, 1), "ثانيتين": (2, 1), "دقيقتان": (2, MINUTE), "دقيقتين": (2, MINUTE),
        "ساعتان": (2, HOUR), "ساعتين": (2, HOUR),
    },
    counters=("مرات", "مرة", "محاولات", "محاولة", "طلبات"),
    number_words={
        "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنتان": 2, "اثنين": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4,
        "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8,
        "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10, "عشرون": 20, "عشرين": 20,
        "ثلاثون": 30, "ثلاثين": 30, "ستون": 60, "ستين": 60, "تسعون": 90, "تسعين": 90,
    },
    true_words=("صحيح", "مفعّل", "مفعل", "مُفعّل"),
    false_words=("معطّل", "معطل", "مُعطّل"),
)

WORDS: dict[str, Words] = {
    "en": ENGLISH, "zh": CHINESE, "ja": JAPANESE, "fr": FRENCH, "pt": PORTUGUESE, "ar": ARABIC,
}
