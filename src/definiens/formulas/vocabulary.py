"""What each TeX command means to the identifier extractor.

Every control word the extractor knows falls in one class (``COMMANDS[name] = (class, value)``):

- ``ident``: a symbol that is an identifier (Greek letters, ``\\ell``, ``\\hbar``); ``value`` is
  its canonical TeX (texvc aliases such as ``\\R`` or ``\\Alpha`` map to ``\\mathbb{R}``, ``A``);
- ``const``: a constant that is an identifier only with a subscript (``\\pi`` but ``\\pi_i``);
- ``op``: an operator, relation, arrow, delimiter or other non-identifier symbol;
- ``opname``: a named operator or function (``\\sin``, ``\\sum``, ``\\partial``): not an
  identifier, but identifiers in its limits (``\\sum_{j}``, ``\\log_c``) are;
- ``font``/``oldfont``/``accent``/``text``: commands that style or decorate their argument;
- ``frac``/``generic``/``sqrt``/``skip``/``ignore``/``space`` and a few structural ones.

Words written in plain letters follow the sets at the end of this module.
"""

from __future__ import annotations

__all__ = [
    "ARRAY_ENVIRONMENTS",
    "COMMANDS",
    "CONTROL_SYMBOLS",
    "DECORATION_SUPERSCRIPTS",
    "FUNCTION_NAMES",
    "GREEK_LOWER",
    "INDEX_GREEK",
    "STAR_SUPERSCRIPTS",
    "SUPERSCRIPT_LABELS",
    "TEXT_ARGUMENTS",
    "TEXT_WORDS",
    "UNICODE",
    "UPRIGHT_TEXT_WORDS",
]


def _words(text: str) -> list[str]:
    return text.split()


def _table(kind: str, names: str) -> dict[str, tuple[str, str]]:
    return {"\\" + name: (kind, "\\" + name) for name in names.split()}


def _aliases(kind: str, pairs: str) -> dict[str, tuple[str, str]]:
    out = {}
    for pair in pairs.split():
        name, _, value = pair.partition("=")
        out["\\" + name] = (kind, value)
    return out


GREEK_LOWER = frozenset(
    "\\" + n
    for n in _words(
        """alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa
    varkappa lambda mu nu xi omicron pi varpi rho varrho sigma varsigma tau upsilon phi varphi
    chi psi omega digamma"""
    )
)

#: Greek letters that in a superscript are almost always a tensor index, never a power.
INDEX_GREEK = frozenset({"\\mu", "\\nu", "\\rho", "\\sigma"})

_IDENTS = """alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa
lambda mu nu xi omicron varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega
digamma Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega varGamma varDelta varTheta
varLambda varXi varPi varSigma varUpsilon varPhi varPsi varOmega ell hbar hslash imath jmath
aleph beth gimel daleth wp eth mho Finv Game Bbbk"""

# texvc (Wikipedia) aliases of identifiers, canonicalised.
_IDENT_ALIASES = r"""R=\mathbb{R} Reals=\mathbb{R} reals=\mathbb{R} Z=\mathbb{Z} N=\mathbb{N}
natnums=\mathbb{N} C=\mathbb{C} Complex=\mathbb{C} cnums=\mathbb{C} Q=\mathbb{Q} H=\mathbb{H}
Alpha=A Beta=B Epsilon=E Zeta=Z Eta=H Iota=I Kappa=K Mu=M Nu=N Omicron=O Rho=P Tau=T Chi=X
alef=\aleph alefsym=\aleph thetasym=\vartheta weierp=\wp"""

_OPNAMES = """sin cos tan cot sec csc arcsin arccos arctan arccot arcsec arccsc sinh cosh tanh coth
sech csch arsinh arcosh artanh log ln lg exp det dim ker hom arg deg gcd lcm lim liminf limsup
injlim projlim varliminf varlimsup varinjlim varprojlim max min sup inf Pr mod bmod sgn sum prod
coprod int iint iiint iiiint idotsint oint oiint oiiint intop smallint bigcup bigcap bigsqcup
bigvee bigwedge bigodot bigotimes bigoplus biguplus partial nabla Re Im"""

_OPNAME_ALIASES = r"""part=\partial image=\Im real=\Re arcsinh=\arsinh"""

_OPS = r"""pm mp times div cdot ast star circ bullet oplus ominus otimes oslash odot bigcirc
dagger ddagger amalg cap cup uplus sqcap sqcup vee wedge land lor lnot neg setminus smallsetminus
wr diamond triangleleft triangleright bigtriangleup bigtriangledown lhd rhd unlhd unrhd leq le
geq ge neq ne equiv approx approxeq cong simeq sim propto prec succ preceq succeq ll gg lll ggg
subset supset subseteq supseteq subsetneq supsetneq nsubseteq nsupseteq sqsubset sqsupset
sqsubseteq sqsupseteq in ni notin owns vdash dashv models perp mid nmid parallel nparallel
bowtie Join smile frown asymp doteq doteqdot leqslant geqslant leqq geqq lesssim gtrsim lessgtr
gtrless nless ngtr nleq ngeq lneq gneq lneqq gneqq triangleq coloneqq eqqcolon coloneq
risingdotseq fallingdotseq circeq thicksim thickapprox backsim backsimeq vartriangleleft
vartriangleright trianglelefteq trianglerighteq ntriangleleft ntriangleright ltimes rtimes
leftthreetimes rightthreetimes curlywedge curlyvee barwedge veebar boxplus boxminus boxtimes
boxdot divideontimes dotplus centerdot intercal circledast circledcirc circleddash because
therefore leftarrow rightarrow to gets leftrightarrow Leftarrow Rightarrow Leftrightarrow
longleftarrow longrightarrow longleftrightarrow Longleftarrow Longrightarrow Longleftrightarrow
mapsto longmapsto hookleftarrow hookrightarrow leftharpoonup leftharpoondown rightharpoonup
rightharpoondown rightleftharpoons leftrightharpoons uparrow downarrow updownarrow Uparrow
Downarrow Updownarrow nearrow searrow swarrow nwarrow iff implies impliedby leadsto
twoheadrightarrow twoheadleftarrow rightarrowtail leftarrowtail rightsquigarrow
leftrightsquigarrow curvearrowright curvearrowleft circlearrowright circlearrowleft
upharpoonright upharpoonleft downharpoonright downharpoonleft nleftarrow nrightarrow
nLeftarrow nRightarrow nleftrightarrow nLeftrightarrow Lsh Rsh looparrowright looparrowleft
leftleftarrows rightrightarrows leftrightarrows rightleftarrows upuparrows downdownarrows
multimap dashrightarrow dashleftarrow xrightarrow xleftarrow forall exists nexists complement
emptyset varnothing infty top bot angle measuredangle sphericalangle triangle triangledown
square blacksquare lozenge blacklozenge blacktriangle blacktriangledown blacktriangleleft
blacktriangleright bigstar backslash prime backprime surd flat natural sharp clubsuit
diamondsuit heartsuit spadesuit ldots cdots vdots ddots dots dotsc dotsb dotsm dotsi dotso
colon lbrace rbrace langle rangle lfloor rfloor lceil rceil lvert rvert lVert rVert vert Vert
lgroup rgroup lmoustache rmoustache ulcorner urcorner llcorner lrcorner checkmark maltese
diagup diagdown S P dag ddag copyright pounds circledR circledS nsim ncong nsucc nprec
shortmid shortparallel nshortmid nshortparallel varpropto between pitchfork backepsilon
blacktriangleleft Vdash vDash Vvdash nvdash nvDash nVdash nVDash sqsubsetneq varsubsetneq
subsetneqq supsetneqq Subset Supset Cap Cup doublebarwedge eqcirc bumpeq Bumpeq lessdot
gtrdot lesseqgtr gtreqless lesseqqgtr gtreqqless eqslantless eqslantgtr precsim succsim
precapprox succapprox lnsim gnsim lnapprox gnapprox precnsim succnsim nsubseteqq nsupseteqq
cr dotsint ratio Colon uplus AA aa ss ae oe o l i j textbackslash mathellipsis"""

_OP_ALIASES = r"""exist=\exists and=\land or=\lor empty=\emptyset O=\emptyset isin=\in
lang=\langle rang=\rangle larr=\leftarrow rarr=\rightarrow lArr=\Leftarrow rArr=\Rightarrow
Larr=\Leftarrow Rarr=\Rightarrow harr=\leftrightarrow hArr=\Leftrightarrow Harr=\Leftrightarrow
uarr=\uparrow darr=\downarrow uArr=\Uparrow dArr=\Downarrow Uarr=\Uparrow Darr=\Downarrow
sub=\subset sube=\subseteq supe=\supseteq infin=\infty plusmn=\pm sdot=\cdot bull=\bullet
clubs=\clubsuit diamonds=\diamondsuit hearts=\heartsuit spades=\spadesuit Dagger=\ddagger
ang=\angle sect=\S lbrack=[ rbrack=] degree=\circ"""

_FONTS = r"""mathbf=\mathbf mathrm=\mathrm mathit=\mathit mathsf=\mathsf mathtt=\mathtt
mathcal=\mathcal mathbb=\mathbb mathfrak=\mathfrak mathscr=\mathscr boldsymbol=\boldsymbol
bm=\boldsymbol pmb=\boldsymbol Bbb=\mathbb bold=\mathbf mathbbm=\mathbb mathds=\mathbb
mathbold=\mathbf mathsfit=\mathsf mathnormal= mathpzc=\mathscr bbold=\mathbb"""

_OLDFONTS = r"""rm=\mathrm bf=\mathbf it=\mathit sf=\mathsf tt=\mathtt cal=\mathcal mit=\mathit
frak=\mathfrak boldmath=\boldsymbol"""

_ACCENTS = """hat widehat check widecheck tilde widetilde acute grave dot ddot dddot ddddot breve
bar vec mathring overline underline overrightarrow overleftarrow overleftrightarrow
underrightarrow underleftarrow underleftrightarrow utilde"""

_TEXTS = r"""text=\mathrm textrm=\mathrm textnormal=\mathrm textup=\mathrm mbox=\mathrm
hbox=\mathrm fbox=\mathrm vbox=\mathrm textit=\mathit textsl=\mathit emph=\mathit
textbf=\mathbf textsf=\mathsf texttt=\mathtt textsc=\mathrm textmd=\mathrm"""

_FRACS = "frac dfrac tfrac cfrac binom dbinom tbinom overset underset stackrel"

_GENERICS = """boxed underbrace overbrace cancel bcancel xcancel sout smash lefteqn ensuremath
mathbin mathrel mathord mathpunct mathopen mathclose mathinner substack pmod
overparen underparen mathclap mathllap mathrlap clap llap rlap pod"""

_SKIPS = """label tag ref eqref cite color pagecolor hspace vspace phantom hphantom vphantom
url"""

_IGNORES = r"""displaystyle textstyle scriptstyle scriptscriptstyle limits nolimits nonumber notag
allowbreak displaylimits strut mathstrut relax protect hline hdashline newline noindent
medskip smallskip bigskip big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr
bigm Bigm biggm Biggm not nobreak displaybreak centering raggedright vfill
nulldelimiterspace scriptspace"""

_SPACES = "quad qquad enspace thinspace medspace thickspace negthinspace hfill hfil enskip"

COMMANDS: dict[str, tuple[str, str]] = {
    **_table("ident", _IDENTS),
    **_aliases("ident", _IDENT_ALIASES),
    "\\pi": ("const", "\\pi"),
    **_table("op", _OPS),
    **_aliases("op", _OP_ALIASES),
    **_table("opname", _OPNAMES),
    **_aliases("opname", _OPNAME_ALIASES),
    **_aliases("font", _FONTS),
    **_aliases("oldfont", _OLDFONTS),
    **_table("accent", _ACCENTS),
    **_aliases("text", _TEXTS),
    **_table("frac", _FRACS),
    **_table("generic", _GENERICS),
    **_table("skip", _SKIPS),
    **_table("ignore", _IGNORES),
    **_table("space", _SPACES),
    "\\sqrt": ("sqrt", "\\sqrt"),
    "\\root": ("sqrt", "\\sqrt"),
    "\\operatorname": ("operatorname", "\\operatorname"),
    "\\mathop": ("mathop", "\\mathop"),
    "\\over": ("over", "\\frac"),
    "\\choose": ("over", "\\binom"),
    "\\atop": ("over", "\\atop"),
    "\\above": ("over", "\\frac"),
    "\\brack": ("over", "\\atop"),
    "\\brace": ("over", "\\atop"),
    "\\left": ("left", "\\left"),
    "\\right": ("right", "\\right"),
    "\\middle": ("ignore", "\\middle"),
    "\\begin": ("begin", "\\begin"),
    "\\end": ("end", "\\end"),
    "\\textcolor": ("skipfirst", "\\textcolor"),
    "\\colorbox": ("skipfirst", "\\colorbox"),
    "\\href": ("skipfirst", "\\href"),
    "\\xrightarrow": ("arrow", "\\xrightarrow"),
    "\\xleftarrow": ("arrow", "\\xleftarrow"),
    "\\rule": ("skip2", "\\rule"),
    "\\kern": ("dimen", "\\kern"),
    "\\mkern": ("dimen", "\\mkern"),
    "\\hskip": ("dimen", "\\hskip"),
    "\\mskip": ("dimen", "\\mskip"),
    "\\raisebox": ("skipfirst", "\\raisebox"),
    "\\\\": ("linebreak", "\\\\"),
}

#: Environments whose name is followed by a column specification (``\begin{array}{cc}``).
ARRAY_ENVIRONMENTS = frozenset({"array", "tabular", "subarray", "alignat", "alignat*", "alignedat"})

_RAW_CLASSES = frozenset({"text", "operatorname", "skip", "skipfirst", "skip2", "begin", "end"})

#: Commands whose leading arguments are text, a name or a setting rather than mathematics, and
#: how many (2: an optional ``[…]`` and two arguments, as ``\rule``): prose
#: (``\text{for all x}``), names (``\operatorname{max}``, ``\begin{cases}``, and the column
#: specification of :data:`ARRAY_ENVIRONMENTS`), labels, colours, lengths. The reader takes these
#: arguments as raw text, and :func:`definiens.formulas.find_spans` never looks inside them.
#: ``\mathrm`` is read as a font (``\mathrm{d}`` is a differential, ``\mathrm{k}`` a label),
#: yet the letters of an upright word (``\mathrm{kg}``) are not looked for either.
TEXT_ARGUMENTS: dict[str, int] = {
    **{
        name: 2 if cls == "skip2" else 1
        for name, (cls, _) in COMMANDS.items()
        if cls in _RAW_CLASSES
    },
    "\\mathrm": 1,
}

#: Control symbols (a backslash and one non-letter).
CONTROL_SYMBOLS: dict[str, str] = {
    "\\{": "open",
    "\\}": "close",
    "\\|": "op",
    "\\,": "space",
    "\\;": "space",
    "\\:": "space",
    "\\>": "space",
    "\\ ": "space",
    "\\\n": "space",
    "\\\t": "space",
    "\\!": "ignore",
    "\\/": "ignore",
}

#: Named functions also written as words in \\mathrm{…} or as plain letters.
FUNCTION_NAMES = frozenset(
    _words(
        """sin cos tan cot sec csc arcsin arccos arctan arccot arcsec arccsc sinh cosh tanh coth
    sech csch arsinh arcosh artanh arcsinh arccosh arctanh log ln lg exp det dim ker hom arg deg
    gcd lcm lim liminf limsup max min sup inf mod sgn sign rank tr Tr trace diag span grad div
    curl rot Var Cov var cov erf erfc id Id im coker Ker Hom End Aut Gal Spec Proj Res
    res ord sech csch cis Li li si ci Ei Ai Bi arccot lb Log Arg Ln supp vol area conv lub glb
    const adj Sym Alt sinc lcd Prob Ext Tor deg codim"""
    )
)

#: Words that are prose inside a formula, never identifiers.
TEXT_WORDS = frozenset(
    _words(
        """if iff and for all where when otherwise then else with some such that the each any
        every not only unless elsewhere true false"""
    )
)

#: Words that are prose when set upright (``\mathrm{and}``, ``\stackrel{\mathrm{def}}{=}``).
UPRIGHT_TEXT_WORDS = TEXT_WORDS | frozenset(
    _words("or on in as at by is are be of to def const constant odd let but so has per via")
)

#: Words of plain letters that, as a superscript, name a variant of the symbol rather than a
#: power: ``A^{op}`` is the opposite of ``A`` (read ``A^{\mathrm{op}}``), ``T^{tot}`` a total.
SUPERSCRIPT_LABELS = frozenset(
    _words(
        """op opp ab alg cl cyc eff eq ext gp ind int irr lin loc max min new nil obs old red
        ref reg rev sat sep sh sing ss sym tot"""
    )
)

#: Superscripts that make another object of the symbol when the symbol is also written
#: without them: ``x^{*}`` beside ``x`` (elsewhere a star decorates and is dropped).
STAR_SUPERSCRIPTS = frozenset({"*", "\\ast", "\\star"})

#: Superscripts that decorate a symbol (dual, adjoint, transpose…) rather than index it.
DECORATION_SUPERSCRIPTS = frozenset(
    {
        "*",
        "\\ast",
        "\\star",
        "\\dagger",
        "\\ddagger",
        "\\times",
        "\\circ",
        "\\top",
        "\\bot",
        "\\perp",
        "+",
        "-",
        "\\intercal",
        "\\sharp",
        "\\flat",
        "\\natural",
        "\\bullet",
        "T",  # transpose: x^T
        "\\mathrm{T}",
        "\\mathsf{T}",
        "\\mathbf{T}",
        "\\operatorname{T}",
        "\\complement",
        "\\mathrm{c}",
        "\\mathsf{c}",
        "th",
        "st",
        "nd",
        "rd",
        "\\mathrm{th}",
        "\\mathrm{st}",
        "\\mathrm{nd}",
        "\\mathrm{rd}",
    }
)

#: Unicode letters and symbols that may reach us in wiki-derived formulas.
UNICODE = {
    **dict(
        zip(
            "αβγδεϵζηθϑικλμνξπϖρϱσςτυφϕχψωΓΔΘΛΞΠΣΥΦΨΩ",
            _words(
                r"""\alpha \beta \gamma \delta \varepsilon \epsilon \zeta \eta \theta \vartheta
            \iota \kappa \lambda \mu \nu \xi \pi \varpi \rho \varrho \sigma \varsigma \tau
            \upsilon \varphi \phi \chi \psi \omega \Gamma \Delta \Theta \Lambda \Xi \Pi \Sigma
            \Upsilon \Phi \Psi \Omega"""
            ),
            strict=True,
        )
    ),
    "ℓ": "\\ell",
    "ħ": "\\hbar",
    "ℝ": "\\R",
    "ℕ": "\\N",
    "ℤ": "\\Z",
    "ℚ": "\\Q",
    "ℂ": "\\C",
    "∂": "\\partial",
    "∇": "\\nabla",
    "∑": "\\sum",
    "∏": "\\prod",
    "∫": "\\int",
    "′": "'",
    "″": "''",
}
