"""High-recall safety rules layered on the model.

The operator's rule: account_theft must not be missed, because it makes the ticket urgent and
alerts the security team. A missed theft costs far more than an agent re-labelling a false
alarm, so these patterns are deliberately broad; the "assets intact" patterns pull a mere
suspicion back to security, as the category definition says.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from walletdesk.triage.features import text_normalise

# Gates. Most messages cannot match the long safety patterns, yet a search walks every
# alternative at every position (the theft net took ~100 µs a message, ~40% of a ticket's
# CPU). Every match must contain one of a few literals, read off the pattern's own parse tree
# ("被盗", "stole", "hack" …): a search for those alone, one small trie, is ~20
# times cheaper and rules most texts out. A pattern edited later gets a gate that still holds,
# since nothing is listed by hand; tests/triage/test_gates.py checks the derivation.
_EXACT_MAX = 256  # strings one exact set may hold before it is cut (bigger: longer literals)
# Literals are cut to their head of this weight (~8 letters, 3 Chinese characters): a text with
# the literal holds its head, and longer heads rule out little more but make the gate costlier
# to build (~0.27 s for all patterns, once per process; uncut ~0.7 s).
_HEAD_WEIGHT = 8.0


class _CharWeights(dict):
    # A Chinese character is rarer than a Latin letter, punctuation and spaces commoner.
    def __missing__(self, ch: str) -> float:
        weight = self[ch] = 2.5 if ord(ch) > 127 else 1.0 if ch.isalnum() else 0.5
        return weight


_CHAR_WEIGHT = _CharWeights()


def _weight(literal: str) -> float:
    return sum(map(_CHAR_WEIGHT.__getitem__, literal))


def _rank(literals: frozenset[str]) -> tuple[float, int]:
    return min(map(_weight, literals)), -len(literals)


def _head(literal: str) -> str:
    weight = 0.0
    for end, ch_weight in enumerate(map(_CHAR_WEIGHT.__getitem__, literal), 1):
        weight += ch_weight
        if weight >= _HEAD_WEIGHT:
            return literal[:end]
    return literal


def _seq_info(items: list) -> tuple[frozenset[str] | None, list[frozenset[str]]]:
    """(exact, needs) of a sequence: exact is every string it can match (None when unbounded
    or too many); every match contains a string of each set in needs."""
    needs: list[frozenset[str]] = []
    run: set[str] = {""}
    all_exact = True

    def flush() -> None:
        if "" not in run:
            needs.append(frozenset(run))

    for op, av in items:
        exact, item_needs = _node_info(op, av)
        if exact is None:
            all_exact = False
            flush()
            run = {""}
            needs.extend(item_needs)
        elif len(run) * len(exact) <= _EXACT_MAX:
            run = {a + b for a in run for b in exact}
        else:
            all_exact = False  # the run now holds only the sequence's tail
            flush()
            run = set(exact)
    flush()
    return (frozenset(run) if all_exact else None), needs


def _node_info(op, av) -> tuple[frozenset[str] | None, list[frozenset[str]]]:
    if op is _sre.LITERAL:
        return frozenset({chr(av)}), []
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return frozenset({""}), []  # zero-width: it adds no character to the match
    if op is _sre.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is _sre.LITERAL:
                chars.add(chr(item_av))
            elif item_op is _sre.RANGE and item_av[1] - item_av[0] < 16:
                chars.update(map(chr, range(item_av[0], item_av[1] + 1)))
            else:  # negated, \s, \d, a wide range
                return None, []
        return frozenset(chars), []
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return (None, []) if add_flags & re.IGNORECASE else _seq_info(sub)
    if op is _sre.ATOMIC_GROUP:
        return _seq_info(av)
    if op is _sre.BRANCH:
        exacts, eithers = [], []
        for alt in av[1]:
            exact, needs = _seq_info(alt)
            exacts.append(exact)
            if exact is not None and "" not in exact:
                eithers.append(exact)
            else:
                eithers.append(max(needs, key=_rank) if needs else None)
        exact = frozenset().union(*exacts) if None not in exacts else None
        if exact is not None and len(exact) > _EXACT_MAX:
            exact = None
        return exact, ([] if None in eithers else [frozenset().union(*eithers)])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        exact, needs = _seq_info(sub)
        if exact is not None and high <= 3:
            strings: set[str] | None = set()
            power, count = {""}, 0
            while True:
                if count >= low:
                    strings |= power
                if count == high:
                    break
                if len(power) * len(exact) > _EXACT_MAX:
                    strings = None
                    break
                power = {a + b for a in power for b in exact}
                count += 1
            if strings is not None and len(strings) <= _EXACT_MAX:
                return frozenset(strings), []
        if low == 0:
            return None, []
        return None, ([exact] if exact is not None and "" not in exact else needs)
    return None, []  # ., [^…], a back-reference: no literal known


def _gate_literals(compiled: re.Pattern[str]) -> list[str]:
    """Literals of which every match of `compiled` contains one; [] when none is known or the
    pattern is itself such a list (a gate would only repeat it)."""
    if compiled.flags & re.IGNORECASE:
        return []
    exact, needs = _seq_info(list(_sre_parse.parse(compiled.pattern, compiled.flags)))
    if exact is not None or not needs:
        return []
    keep: set[str] = set()
    lengths: set[int] = set()
    # A literal holding a shorter one adds nothing: a text with it holds the shorter one too.
    for literal in sorted({_head(s) for s in max(needs, key=_rank)}, key=lambda s: (len(s), s)):
        if not any(literal[i : i + n] in keep for n in lengths for i in range(len(literal) - n + 1)):
            keep.add(literal)
            lengths.add(len(literal))
    return sorted(keep)


def _trie(literals: list[str]) -> str:
    """One regex for the literals, shared prefixes factored out: the search tests one character
    per alternative instead of re-reading a whole literal at each position."""
    tree: dict = {}
    for literal in literals:
        node = tree
        for ch in literal:
            node = node.setdefault(ch, {})

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        if len(alts) <= 1:
            return "".join(alts)
        return "(?:" + "|".join(alts) + ")"

    return emit(tree)


# A pattern gets its gate once it has searched this many characters without one. Building a gate
# (parse, derive, compile the trie) costs about what the plain pattern spends searching ~10-60k
# characters, whatever the pattern's size: both grow with its number of alternatives (measured
# on all the gated patterns, median ~30k). Paying for the gate only then (rent until the rent
# would have bought it) keeps a short run from paying ~0.3 s to build gates it never recoups,
# costs a long run at most about the build once more, and needs no list of which patterns are
# worth it. A server builds them all in its warm-up (services.triage_warm).
_GATE_AFTER_CHARS = 30_000


class _Gated:
    """A compiled pattern that, once it has searched _GATE_AFTER_CHARS characters, searches only
    texts holding one of its required literals (a process that never triages pays nothing)."""

    __slots__ = ("_gate", "_searched", "regex")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self._gate: re.Pattern[str] | bool | None = None  # True: no literal known, always search
        self._searched = 0

    def build(self) -> None:
        if self._gate is None:
            literals = _gate_literals(self.regex)
            self._gate = re.compile(_trie(literals)) if literals else True

    def _open(self, string: str) -> bool:
        gate = self._gate
        if gate is None:
            self._searched += len(string)
            if self._searched < _GATE_AFTER_CHARS:
                return True
            self.build()
            gate = self._gate
        return gate is True or gate.search(string) is not None

    def search(self, string: str) -> re.Match[str] | None:
        return self.regex.search(string) if self._open(string) else None

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(string) if self._open(string) else iter(())

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.regex.sub(repl, string, count) if self._open(string) else string

    def __getattr__(self, name: str) -> Any:
        # Any other method (match, findall, .pattern) is the plain pattern's, ungated.
        return getattr(self.regex, name)


def _compile(pattern: str) -> _Gated:
    # re.ASCII: with Unicode \w a Chinese character counts as a word character, so the \b in
    # "\bwithdraw" never matched mixed text like "然后withdraw了"; ASCII word boundaries do.
    return _Gated(re.compile(pattern, re.ASCII))


def gates_build() -> None:
    """Every pattern's gate now, not after its first 30k characters: for a long-lived process."""
    for value in list(globals().values()):
        if isinstance(value, _Gated):
            value.build()


_THEFT_ZH = (
    r"被(?:人|别人|陌生人|黑客)\s*(?:access|hack|login|log ?in|control|take ?over)|被駭|被骇|駭客|骇客|被清(?:空|光|零|了)|清光了|空空如也|"
    r"(?:骗子|黑客|小偷|对方)(?:拿|偷|盗|转|卷|提)(?:了|走)|(?:异常|恶意|非法|未经授权的?)(?:划转|转出|转移)|被(?:恶意|非法)(?:转|提|划)|被盗|盗号|盗走|盗刷|盗了|盗用|盗取|窃取|被窃|失窃|遭(?:到)?(?:盗|窃)|被(?:人|别人|黑客)?入侵|入侵了?我的|"
    # 让/叫/给 mark the passive as 被 does ("号让人登了", "币全给卖了").
    r"(?:让|叫|给)(?:人|别人|陌生人|黑客)登(?:录|陆|入)?了|(?:全|都)给(?:人)?(?:卖|转|提|偷)(?:了|走|光)|被(?:人|别人)?\s*take\s*over|冒用|被[a-z]+走|被黑|黑客|被偷|偷走|偷了|被转走|被人转走|转走了|被转光|转空|被清空|清空了|被掏空|"
    r"被提走|被人提|被骗|骗走|骗了我|上当|不翼而飞|被洗|被划走|被扣光|"
    r"(?:币|钱|资产|资金|代币|余额|(?<![a-z])u(?![a-z])|usdt|eth|btc|token|nft)[^，。,.!?！？]{0,6}"
    r"(?:全没|没了|没有了|不见了|消失|归零|少了)|"
    r"(?:不是我|我没有?|并非本人|非本人)[^，。,.!?！？]{0,8}(?:提|转|操作|授权)|"
    r"(?:假|冒充|冒牌)[^，。,.!?！？]{0,6}(?:客服|官方|网站|工作人员)[^。.!?！？]{0,20}(?:转|打|付|给)[^。.!?！？]{0,12}"
    r"(?:没了|骗|联系不上|拉黑|跑了|不见|消失)|"
    r"被[a-z]+光|被薅|薅(?:走|光)|被(?:人|别人)?(?:洗|盗|偷|骗|卷|划)走|洗走|(?:被|让|叫)(?:人|别人|黑客|骗子)?(?:给)?(?:弄|搞|拿|转|提|偷|卷|划|撸|薅)走|(?:弄|搞|卷|撸)走了|"
    r"被控制|被别人控制|被人控制|被(?:人|别人|黑客)?(?:操控|接管|远程操作)|被劫持|被人登录.{0,12}(?:提|转)|陌生地址|不认识的(?:交易|地址|提现|转账)|"
    r"(?:自称|所谓的?|号称|冒充)[^，。,]{0,10}(?:客服|官方|工作人员|管理员|support|admin|official|staff|agent|mod)"
    r"[^。.!?！？]{0,40}(?:转了|转给|打给|转过去|付了|拉黑|联系不上|没了|没有了|跑了|跑路|消失|不回|不见)|"
    r"(?:假的?|冒充的?|冒牌的?|自称的?)(?:客服|官方|工作人员|平台|交易所)[^。.!?！？]{0,12}(?:充值了|充了|付了|交了|转了|打了|缴了)|"
    r"(?:让我|叫我|要我)[^。.!?！？]{0,24}(?:转|transfer|send|打)[^。.!?！？]{0,30}(?:我转了|转了|已经转|拉黑|block了?我|联系不上|没了|不见|跑了|跑路|消失|不回)|"
    r"(?:邮箱|手机号?|密码|谷歌验证器?|0fa|绑定)[^，。,]{0,3}(?:被人|被)(?:改|换|修改|解绑|重置)|"
    r"(?:钱包|账户|账号)[^，。,]{0,4}(?:空了|被掏空|归零|是空的|变成0|变成零)|余额(?:变成|只剩)?(?:0|零)了|"
    r"(?:钱|币|资产|资金|代币|(?<![a-z])u|usdt|eth|btc|sol|trx|bnb|token|nft|余额)"
    r"(?:都|全|全部|莫名其妙|突然)?(?:被人?|让人)(?:转|提|卖|偷|划|拿|换)|莫名其妙少了|资产不见|"
    r"被[^，。,!?！？]{0,16}骗|提走了|骗我|骗了|被hk|偷偷|给人(?:转|提|卖)|"
    # Cantonese 呃 is 骗 (畀人呃咗 folds to 给人呃了); 扮客服 is 冒充客服.
    r"(?:给|被|俾|畀)(?:人|别人|骗子)呃|扮(?:客服|官方|工作人员|平台)[^。.!?！？]{0,24}(?:转|打|俾|给|付)|"
    r"被(?:人|别人)?(?:全部|全|都|一次性)(?:转|提|卖|偷|划|拿)|有人(?:在|正在|一直在)(?:卖|提|转|交易)我的|"
    r"被(?:人|别人|异地|陌生人|黑客)?登录[^。.!?！？]{0,20}(?:提|转|卖)|绕过|"
    # A platform that wants tax or a deposit before it lets money out is the fake-exchange scam.
    r"(?:交|缴)(?:了)?(?:税|个税|个人所得税|保证金|解冻费|手续费)(?:才能|才可以|才可)(?:提|出金)|"
    r"(?:要|让|叫)我(?:再|先|继续|还要)(?:交|充|付|转|打)[^，。,!?！？]{0,10}(?:才能|才可以|才可)(?:提|出金|解冻)|"
    # "a withdrawal I never initiated" names the theft without any theft word.
    r"(?:不是我|没(?:有)?(?:发起|申请|操作|做|提)|并非本人)(?:过)?的(?:提现|提币|转账|交易|转出)|"
    # Not "别人能不能登录我的账户": a modal verb makes it a question, not a report.
    r"(?:有人|别人|陌生人|黑客)(?:(?!能|会|可)[^，。,]){0,4}(?:用|登录?了?|登上|进了?)[^，。,]{0,2}我的(?:账户|账号|钱包|号)"
)
_THEFT_EN = (
    r"(?<![a-z])(?:sum|some|sm)0 (?:took|stole|hacked|got into|logged into|withdrew|drained|emptied|moved|sold|transferred|took all)|"
    # Pinyin without tones: 被盗 / 被人登录 / 钱不见了 / 转走了.
    r"(?<![a-z])bei (?:dao|tou|hei|pian)(?![a-z])|(?<![a-z])bei ren (?:deng ?lu|zhuan|ti|na|dao)|"
    r"(?<![a-z])(?:qian|bi|zi ?chan|yu ?e|zi ?jin)(?: [a-z]+){0,4} (?:bu ?jian ?le|quan mei le|dou mei le|mei le)|"
    r"(?<![a-z])(?:zhuan|ti) zou le|bu shi wo (?:ti|zhuan|cao zuo)|"
    r"stolen|stole|steal|swiped|victim of (?:a |an )?(?:theft|hack|scam|fraud|phishing|drainer)|raided|ransacked|looted|plundered|yoink|yeet|nicked|pilfer|"
    r"(?:dude|guy|person|people|someone|somebody|they|he|she|hacker|stranger|scammer|attacker|thief) "
    r"(?:got|broke|logged|hacked) into my (?:acc|account|wallet)|"
    r"(?:stranger|someone|somebody|he|they|hacker|scammer) (?:now )?(?:owns?|has|have) (?:all )?my"
    r"(?! (?:e-?mail|phone|number|address|name|details|info|contact))|"
    r"without (?:any |my |me giving )?(?:approval|consent|permission|authori[sz]ation)(?: from me)?|(?:was|were|got|been|is) wiped|一扫而空|被扫|thief|thieves|小偷|cleared out|been had|tricked into|duped into|conned|"
    r"in someone else'?s (?:wallet|account|address)|"
    r"hack(?!athon)|hijack|(?<![a-z])jacked|drain|siphon|bypass|"
    r"some(?:one|body) (?:has been|had been|was|is|got) in(?:side|to)? my (?:account|wallet)|scammed|got scammed|been scammed|breached|intruder|pig[- ]?butcher|"
    # SIM swap: the attacker owns the phone number, so every SMS code; it is a takeover already.
    r"sim[- ]?swap|swapped my sim|ported (?:out )?my (?:number|sim)|"
    r"(?:sim|sim card|phone number|number) (?:got|was|has been|had been|been) (?:swapped|ported|hijacked|cloned|taken over)|"
    r"手机卡[^，。,!?！？]{0,6}被(?:人|别人)?(?:补办|换|复制|过户)|补办了我的(?:手机卡|sim)|"
    r"compromised|taken over|took over|(?<![a-z])takeover(?![a-z])|not my (?:withdrawal|transfer|transaction)(?!s? (?:address|history|limit|page|fee))|broke into|break into|emptied|wiped out|cleaned out|"
    r"(?:cleaned|wiped|emptied|drained|bled|cleared) (?:me|us|him|her|them) (?:out|dry)|"
    r"unauthori[sz]ed|not authori[sz]ed|without my (?:permission|consent|authori[sz]ation)|"
    r"(?:i )?(?:didn'?t|did not|never) (?:make|made|do|did|request|requested|authori[sz]e|initiate|initiated)"
    r"(?: (?:this|that|the|any|a))? ?(?:withdraw|transfer|transaction|trade)|"
    r"(?:didn'?t|did not|never) (?:withdraw|withdrew|transfer|send|sent|authori[sz]e)|"
    r"(?:don'?t|do not|didn'?t) recogni[sz]e|unknown address|address i don'?t know|"
    r"(?:i )?never made|(?:i )?didn'?t make|i did not make|not made by me|phished|"
    r"(?:transfer|transferred|sent|send|moved|paid|deposited)[^.!?]{0,100}(?:blocked me|ghosted|disappeared|"
    r"stopped (?:replying|responding|answering)|can'?t reach (?:him|her|them)|never heard back)|"
    r"(?:assets|funds|coins|money|crypto|tokens|usdt|balance) (?:have|has) been (?:moved|transferred|withdrawn|taken)|"
    r"someone withdrew|robbed|robbery|without (?:me knowing|my knowledge|my approval)|fraudulent|"
    r"(?:sent|transfer|transferred|paid)[^.!?]{0,100}(?:not answering|not responding|not replying|no response since)|"
    r"address(?:es)? i (?:don'?t|do not) (?:own|know|recogni[sz]e)|address(?:es)? i(?:'ve| have)? never (?:used|seen|owned|heard of)|"
    r"who (?:withdrew|took|stole|moved|transferred|sent|sold|drained|emptied) my|swept|sweeper|(?:didn'?t|did not|never) do (?:it|this|that)|"
    r"(?:lost|gone|missing)[^.!?]{0,40}(?:phishing|scam|fake|malicious|hack)|"
    r"(?:phishing|scam|fake|malicious|hack)[^.!?]{0,40}(?:lost|gone|missing|took|drained|emptied|stole)|"
    r"(?:tokens|funds|money|coins|usdt|eth|btc|crypto|assets|everything|savings|nfts?)[^.!?]{0,12}(?:is |are |were |was )?gone|"
    r"(?:took|taken|take) (?:all|everything)|(?:wallet|account) (?:was|got|has been) (?:cleaned|wiped|swept)|"
    r"unknown (?:withdrawal|transfer|transaction|outgoing)|(?:withdrawal|transfer|transaction)s? i (?:don'?t|do not) recogni|"
    r"some(?:one|body)[^.!?]{0,30}(?:taken|took|withdrew|transferred|moved|sold|emptied|drained|stole)|"
    r"some(?:one|body)(?: else)? (?:has )?(?:spent|bought|purchased|used)[^.!?]{0,30}(?:with|from|using) my (?:balance|funds|money|card|account|usdt|crypto)|"
    r"(?:some(?:one|body)|they|he|she|hackers?) (?:is|are|keeps?|has been|have been) (?:still )?"
    r"(?:selling|withdrawing|moving|transferring|sending|draining|taking|trading|cashing out) (?:my|all|everything|out|our)|"
    r"missing from my (?:account|wallet)|lost everything|money is gone|coins are gone|funds are gone|"
    r"some(?:one|body) (?:else )?(?:got into|logged into|accessed|used(?! my (?:id|identity|name|photo|documents?|passport|email|referral))|changed|took|moved|sold)|"
    r"(?:wallet|account) (?:is|was|got|has been) (?:now )?(?:empty|emptied|zero)|"
    r"all (?:of )?my [a-z]+ (?:was|were|got|has been|have been) (?:sent|moved|transferred|withdrawn|taken)|"
    r"(?:funds|coins|money|assets|usdt|btc|eth|balance|crypto)[^.!?]{0,20}(?:gone|disappeared|vanished|missing|zero)|"
    r"(?:fake|impersonat|pretending|posing)[^.!?]{0,40}(?:sent|send|transferred|paid|gave|lost|gone|took|moved)|"
    r"(?:sent|transferred|paid|gave|lost)[^.!?]{0,40}(?:fake|impersonat|pretending|posing|scammer)|"
    r"lost (?:all|everything|my (?:funds|coins|money|assets|crypto|usdt|btc|eth))|"
    r"cashed out everything|withdrew everything|withdrawn everything|cashed (?:everything|it all|all of it) out|"
    r"(?:vanished|disappeared) from my (?:account|wallet|balance)|被(?:人|别人|陌生人)登(?:录|陆|入)?了|"
    r"(?:he|she|they)(?:'s|'ve| has| have| had)? (?:withdrawn|withdrew|took|taken|stole|stolen|moved|transferred|sold|"
    r"drained|emptied|cashed out) (?:all|everything|my)|"
    r"(?:sent|moved|bridged|swapped|transferred|withdrawn|taken|sold|drained)[^.!?]{0,20}"
    r"by (?:someone|somebody|a stranger|another person|an unknown|the hacker|the attacker)|"
    r"pay (?:a |the )?(?:tax|fee|deposit)[^.!?]{0,10}(?:before|to|so) (?:i can )?withdraw|"
    # The fake-platform scam's second act: the money is "there" but they want more before it can leave.
    r"(?:can'?t|cannot|unable to) withdraw[^.!?]{0,40}(?:he|she|they|the (?:manager|mentor|broker|platform|site|agent|teacher))"
    r" (?:wants?|asks?|asking|demands?|requires?|needs?) (?:me to pay )?(?:a |an |the |more |another )?(?:tax|fee|deposit|release|unlock|margin)|"
    r"(?:want|ask|asking|demand|need|require)(?:s|ed|ing)? (?:me to (?:pay|send|deposit|add) )?(?:more|another|extra|additional|a further)"
    r"(?: [a-z0-9]+){0,2} (?:to|before|so (?:that )?i can|for me to) (?:withdraw|unlock|release|cash out)|"
    r"(?:employee|staff|insider|someone at your|someone from your|your (?:team|staff|company|platform))[^.!?]{0,20}"
    r"(?:moved|took|stole|withdrew|transferred|sold|emptied|drained) (?:my|all|everything)"
)
# Suspicion with the assets intact is security, not theft; so are questions about prevention.
_INTACT = (
    r"防钓鱼|如何开启|怎么开启|怎么设置|如何设置|how (?:do i|to|can i) (?:enable|set up|turn on|activate)|"
    r"会被盗吗|会不会被盗|会被盗|what happens if|怎么防|如何防|怎么保护|如何保护|nothing(?:'s| has| is)? (?:been )?(?:taken|missing|lost|stolen|moved)|防止被|防范|预防|避免被|以防|万一被|会不会被|我没转|没有转|没转|display (?:bug|issue|error)|"
    r"(?<![a-z])i didn'?t(?=[,.!;]| but)|差点(?:把|就|被|上当|转|给)|还好(?:及时)?(?:发现|没|反应)|refused|拒绝了|(?:didn'?t|did not) fall for|"
    r"is (?:this|that|it) (?:really )?from you|"
    # A question asked ahead of time ("被盗了能找回吗？想提前了解一下").
    r"提前了解|先了解一下|just asking|asking in advance|asking before|"
    # Told of a request: "I haven't sent anything" refuses it; with a loss told beside it the
    # same words disown the loss instead (the theft net reads the disowning first).
    r"(?:haven'?t|have not|didn'?t|did not) (?:sent|send|moved|move|transferred|transfer|paid|pay|given|give) (?:them |him |her )?anything|"
    r"(?:haven'?t|have not) (?:sent|transferred|paid|clicked|given) (?:it|them|him|her|money|any)|"
    # A request refused, the clause ending on it ("让我提现到他的地址，我没提现。").
    r"(?:让|叫|要)我[^。.!?！？]{0,30}[，,]\s*我(?:并)?没(?:有)?(?:提现|提币|提|转账|转)(?=\s*(?:[，。,.!?！？;；]|$))|"
    r"almost|nearly|avoid|ignored (?:him|her|them|it)|"
    r"(?:0fa|authenticator|system|security) (?:blocks|blocked|stops|stopped) (?:them|it|the (?:login|attempt)s?)|(?:blocked|stopped) by (?:my|your|the) (?:0fa|system|security|authenticator)|无视|没理(?:他|她|会)|didn'?t (?:send|transfer|reply|click|give)|did not (?:send|transfer|reply|click|give)|"
    r"(?:资产|钱|币|余额|资金)(?:都|也|暂时|目前|应该)?(?:(?:还在|都在)(?!\s*(?:别人|他|她|对方|骗子|黑客|陌生|一个|某个|那个|不明|未知|someone|a stranger|an? unknown))|没少|没动|正常|没问题|还是安全的)|"
    r"(?:balance|funds|assets|money|coins|crypto)[^.!?]{0,10}(?:is|are|look|looks|seem|seems|still|remain|remains)"
    r" (?:still |all )?(?:ok|okay|fine|safe|intact|untouched|there)(?![a-z])|"
    r"(?:account|wallet|everything) (?:looks|seems|is still|still looks) (?:ok|okay|fine|normal|untouched)(?![a-z])|"
    r"资产还在|钱还在|币还在|余额还在|资产没动|资产没少|钱没少|币没少|币还没少|还没被转|没有损失|资产安全|"
    r"差点被骗|差点上当|险些|是不是骗|是骗子吗|是诈骗吧|诈骗吧|骗子吧|没上当|没有上当|没(?:有)?被骗|没(?:有)?受骗|"
    # Hyperbole about a fee, not a report of a theft.
    r"daylight robbery|that'?s robbery|明抢|抢钱(?:吗|啊|呢)|"
    # Hearsay and prevention: a friend's loss, revoking one's own approvals.
    r"朋友说(?:他|她)|my friend (?:said|says|told me)|how (?:do|can) i revoke (?:my|the|them)|"
    r"(?:想|要|该)怎么(?:revoke|取消授权|撤销授权)|怎么(?:revoke|取消授权|撤销授权)(?:我|自己)|"
    # "我没给" refuses; "你们拖了两周都没给" is the platform that did not deliver.
    r"(?:^|(?<=[，。,.!?！？\s])|我\s*(?:都|也|并|从来|根本)?)没(?:有)?(?:给|提供|告诉|点|连接)|还没(?:有)?(?:给|连接|点)|是钓鱼吗|是真的吗|是不是假的|"
    r"是你们发的吗|是不是你们发的|是(?:不是)?官方发的|是不是(?:真的|诈骗|骗局)|能点吗|要不要点|"
    r"(?<![a-z])legit\?|is (?:this|it|that) legit|from you(?:r team)?\?|did you (?:guys )?send|should i (?:click|open|visit|connect)|"
    r"still there|still intact|are intact|is intact|balance is intact|are fine|are safe|nothing (?:is )?missing|"
    r"nothing was taken|nothing's missing|not missing|almost (?:got )?scammed|nearly (?:got )?scammed|"
    r"is (?:it|this|that) (?:a )?(?:scam|phishing|fake|real)|scam\?|phishing\?|(?:scam|phishing|fake),? (?:right|yes|no|isn'?t it)\?|"
    r"avoid (?:getting )?(?:hacked|scammed)|prevent (?:getting )?(?:hacked|scammed)|how (?:do i|to|can i) (?:protect|keep)|"
    r"in case (?:my )?(?:account|wallet) (?:gets|is) (?:hacked|stolen)|if (?:my )?(?:account|wallet) (?:gets|is) (?:hacked|stolen)"
)
# Second net: assets moved or lost (A) together with a third party or no consent (B) in one
# message. Neither alone means theft ("提到交易所", "someone messaged me"); both together
# nearly always do, whatever the phrasing.
_LOSS = (
    r"一扫而空|扫空|洗劫|被洗|提现|提币|没了|不见|转走|转出|往外转|提走|被转|被提|被划|划走|少了|清空|空了|归零|转移|被卖|卖光|打了|转给|给了|提到了|转到了|"
    r"转了|转过去|打过去|付了|消失|提现了|提币了|卖掉|全部资产|所有资产|"
    r"拿不回来|要不回来|取不回来|can'?t get (?:it|them|my money|my funds|my coins) back|transfers? going out|(?:is|are|was|were) (?:spending|selling|draining|emptying|moving) my|"
    r"把\s*(?:我的?)?\s*(?:钱|币|资产|余额|u|usdt|eth|btc|sol|trx|usdc)[^，。,!?！？]{0,6}(?:提|转|卖|划|拿)|"
    r"转到(?:他|她|对方|骗子|别人|黑客)|全提了|都提了|提光|已经损失|损失了|损失(?:了)?(?:0|[一二两三四五六七八九十几百千万])|亏光|清零|"
    r"(?:funds|coins|money|assets|balance|crypto|tokens|usdt|eth|btc) (?:were|was|are|is|got) (?:out|gone)|"
    r"全没|缩水|转完|指定(?:的)?地址|(?:提|转|打|划)(?:到|去|给)了?\s*Ⓐ|(?:is|are) now in (?:a|an|some|another)|never heard of|"
    r"(?:go|went|gone|sent|moved) to an? (?:address|wallet)|被(?:transfer|withdraw|move|send|sent|swap)|"
    r"went to|ended up (?:in|at|with)|went from 0 to 0|dropped from|转错|"
    r"余额[^，。,!?！？]{0,4}(?:是|变成|只剩|成了)(?:0|零)|everything i had|all i had|all my (?:money|funds|savings|coins)|"
    r"transfers? out|transferred out|outgoing|move (?:my|all|everything)|moving my|moved out|(?:were|was|got|been) (?:sent|moved|transferred|withdrawn)|"
    # The loss told by the balance alone ("balance shows 0", "balance变0了", "now it's empty").
    r"(?:balance|account|wallet)[^.!?]{0,6}(?:shows?|reads?|is|went to|is now|now shows?|became|at|was) (?:now )?(?:0|zero|empty)(?![.,]0)|"
    r"(?:it'?s|is) (?:now )?empty|now (?:it'?s |is )?empty|never came back|"
    r"(?:shows?|says|has|is showing|reads?) nothing(?! (?:new|about|wrong|unusual))|nothing (?:in it|left in|in my (?:account|wallet))|"
    r"(?:变|成|为)了?(?:0|零)(?![.0-9])|(?:余额|balance)[^，。,!?！？]{0,4}(?:是|就是|只有|剩)(?:0|零)(?![.0-9])|全空|"
    # An English verb with a Chinese result particle ("transfer走了", "drain光了").
    r"(?<![a-z])(?:transfer|withdraw|move|send|sent|swap|drain|steal|stole|take|took|sell|sold)[a-z]*\s*(?:走|掉|光|出去)|"
    r"(?:moving|transferring|sending) (?:0|all|everything|my|the|her|his|their|it|them)"
    # An app sending a code or a message moves no money.
    r"(?! (?:[a-z]+ )?(?:codes?|otps?|sms|e-?mails?|links?|messages?|notifications?|texts?)(?![a-z]))|"
    r"sent (?:away|off)|send (?:my|all|everything)|\bpaid\b|(?<![a-z])(?:0|zero|nothing) left(?! to)|"
    r"(?:transfer|move|send|shift)(?:red|ed|ing)? (?:my|all|everything|it all)|\bwithdraw|sent (?:0|all|everything|my|it|the|him|her|them)|"
    r"\bgone\b|missing|\bmoved\b|sent out|withdrew|withdrawn|drained|emptied|cleaned|swiped|taken|\btook\b|"
    r"transferred|\blost\b|relocated|rerouted|redirected|shifted|pulled out|(?<![a-z])left (?:my|the) (?:account|wallet)|dropped|\bzero\b(?! (?:replies|reply|responses?|answers?|help|updates?|feedback|communication|contact|follow-?ups?|progress|effort|support|stars?))|disappeared|vanished|sent (?:all|everything|my)|cashed out|sold (?:all|everything|my)"
)
_FOUL = (
    r"有人|别人|陌生|黑客|骗|冒充|说是客服|说是官方|自称|所谓|找不到他|联系不上|拉黑|"
    r"claims to be|said (?:he|she|they) (?:was|were|is|are)|says (?:he|she) is|不知情|不知道的情况|未经|没经过我|假的?|非法|不是我|没操作|没有操作|从来没|从没|杀猪盘|上了?[^，。]{0,6}当|钓鱼|链接|被人|盗|不明合约|恶意|"
    r"(?<!can )(?<!could )(?<!would )(?<!will )(?<!please )(?<!pls )(?<!plz )(?<!need )(?<!want )(?<!for )someo?ne?(?![a-z])"
    r"(?! (?:to |please |pls |who can |that can |at your end to )?(?:[a-z]+ly )?(?:look|help|check|answer|reply|respond|explain|tell|assist|get back|contact|call|investigate|credit|fix|review|escalate|from (?:your|the) (?:support|team)|senior|higher up|in charge|competent|qualified|responsible))|somebod|stranger|hacker|scam|fake|impersonat|phish|not by me|never (?:placed|made|did|authori|withdrew|requested|traded|sent|approved)|"
    r"without (?:my|me)|unauthori|fraud|malicious|pretend|posing|claimed to be|claiming to be|(?<!i )(?<!i've )(?<!ive )changed my (?:email|password|phone|0fa)|"
    r"third[- ]party|第三方|unknown? (?:wallet|address|account)|while i was (?:asleep|sleeping|away|travell?ing|offline|at work)|"
    # A role in quotes is one the customer now doubts; a move made on someone else's say-so.
    r"['\"‘“](?:your |the )?(?:support|agent|admin|customer service|cs|manager|official|staff|technician|advisor|broker|"
    # Not a status the app shows in quotes ('risk control', 'compliance review'): only a team.
    r"security (?:desk|team|department|centre|center)|compliance (?:team|department|officer)|fraud (?:team|department))['\"’”]|"
    r"(?:he|she|they|the caller|the agent) (?:said|told me)[^.!?]{0,50}(?:i|we) (?:should|must|had to|need(?:ed)? to) (?:move|send|transfer|withdraw)|"
    r"(?:he|she|they|the (?:guy|man|woman|caller|agent|rep)) (?:told|asked|instructed|had|got) me to (?:move|send|transfer|withdraw|pay)|"
    r"(?:where|as) (?:he|she|they) (?:said|told me|asked)|had me (?:move|send|transfer|withdraw|pay)|"
    r"recovery wallet|safe wallet|secure wallet|safe account|safe address|secure address|safe vault|安全账户|安全钱包|睡觉的时候|半夜|"
    r"(?:aren'?t|isn'?t|are not|is not|weren'?t|were not) mine|不是我的|"
    r"logged in(?:to)? from|login from|not me(?![a-z])|wasn'?t me(?![a-z])|didn'?t do|"
    # A login or signature made through a link someone sent is the phisher's door.
    r"(?:through|via|clicked|opened|tapped|followed|from|in) (?:the|a|that|this|an|their|his|her) (?:[a-z]+ )?(?:link|url)(?![a-z])|"
    r"followed (?:the|this|that|an?|their|his|her) (?:[a-z]+ )?(?:e-?mail|message|sms|text|dm)(?![a-z])|"
    r"(?:gave|sent|shared|showed) me (?:a|the|their|his|her|this) (?:[a-z]+ )?(?:link|url|website|site|platform|app)(?![a-z])|"
    r"(?:signals?|vip|investment|trading) (?:group|channel|club|mentor|teacher)|(?:whatsapp|telegram) group|"
    r"(?:entered|typed|put in|logged in with) my (?:login|password|credentials|details)(?! (?:wrong|incorrectly|too many))|"
    r"malware|virus|trojan|clipboard|木马|病毒|剪贴板|剪切板|补卡|过户|换卡|sim卡|"
    r"leak|泄露|泄漏|screen ?shar|屏幕共享|共享屏幕|convinc|persuad|talked (?:me|him|her|them) into|lured|诱导|忽悠|哄骗|"
    r"i was (?:asleep|sleeping)|睡觉|一觉醒来|醒来(?:发现|一看)|异地|bypass|绕过|overnight|一夜之间|"
    r"别的设备|其他设备|陌生设备|别人的设备|(?:other|another|unknown|new) device|"
    r"remote access|anydesk|teamviewer|technician|远程|attacker|impost[oe]r|recovery (?:service|agent|company|expert)|"
    r"追回服务|找回服务|"
    r"investment platform|fake (?:platform|exchange|app)|投资平台|理财平台|导师|带单|"
    r"sent (?:him|her|them|the scammer) (?:my|the)|"
    # A third person switching off the customer's 2FA ("the intruder/hacker/they turned off my
    # authenticator"); the customer resetting their own 2FA after losing a phone is not foul.
    r"(?:the|he|she|they|someone|somebody|[a-z]+er) (?:turned off|disabled|removed|reset|changed) "
    r"(?:my )?(?:0fa|authenticator|google auth)|"
    r"new sim|sim card|(?:number|phone|sim) (?:suddenly )?(?:stopped working|went dead|lost (?:signal|service))|"
    r"(?:手机号|手机卡|号码)[^，。,]{0,4}(?:突然)?(?:没(?:有)?信号|无服务|失效|停机|被过户|被补)|"
    r"never (?:asked|applied) for|(?:didn'?t|did not) (?:ask|apply) for|没(?:有)?申请|"
    r"without [a-z]{0,3} ?(?:authori[sz]ation|permission|consent|approval)|"
    r"bogus|sham|phony|phoney|counterfeit|spoofed|copycat|look-?alike|knock-?off|"
    r"(?:handed|gave|shared|sent)(?: over)? (?:him |her |them )?my (?:login|password|credentials|account|api key|2fa|0fa)|"
    r"some (?:0x|Ⓐ|random|weird|strange)|some [a-z0-9]+ (?:address|wallet)|random (?:address|wallet)|(?:strange|weird) address|"
    r"不认识|不明(?!白)|"
    # Address poisoning is a trap; it took something only when a loss is told beside it.
    r"投毒|poison|"
    # Whoever got the seed phrase, private key or SMS code is the third party.
    r"(?:enter|entered|typed|gave|give|shared|share|imported|import|input|told|paste|pasted)"
    r"[^.!?]{0,30}(?:seed|recovery phrase|mnemonic|private key|secret phrase|0 words|sms code|verification code)|"
    r"(?:sent|send)[^.!?]{0,20}(?:seed|recovery phrase|mnemonic|private key|secret phrase)|"
    r"(?:输入|输了|导入|给了|提供了?|告诉|发了|发给|填了|填入|报了)[^，。,!?！？]{0,10}"
    r"(?:助记词|私钥|验证码|seed|recovery phrase|mnemonic|private key|secret phrase|0fa|code)|"
    # A login the customer was warned about, then a loss: the warning was the intruder.
    r"login (?:alert|notification|email|warning)|登录(?:提醒|通知)|登陆(?:提醒|通知)|"
    r"imported my (?:wallet|account|keys?|seed)|(?:shared|gave|read|told)(?: out)? (?:him |her |them )?my (?:authenticator|sms|verification|login|security) code|"
    r"(?:from|of) your (?:compliance|security|fraud|risk|refunds?|support) (?:team|department|desk)|protected (?:wallet|account|address|vault)|protection (?:wallet|account|address)"
)
# Patterns run on text_normalise() output, which is already lowercase: no IGNORECASE, which
# would make the theft pattern three times slower.
# Third net: the customer paid and the other side vanished, the shape of every completed
# impersonation scam, even when no word like "scam" appears.
_PAID = r"充了?钱|\bsent\b|\bsend\b|transferr?ed|\bpaid\b|\bpay\b|(?:交|缴)了?[^，。,]{0,4}(?:0|[一二两三四五六七八九十百千万几]+)\s*(?:u|usdt|块|元)|(?:交|缴)了?(?:保证金|解冻费|税|个税|手续费|激活费)|转了|转给|转过去|转完|转到|打到|汇了|汇给|打了|打给|付了|给了他|照做"
_VANISHED = (
    r"blocked me|ghosted|stopped (?:replying|responding|answering)|not (?:replying|responding|answering)|"
    r"(?:he|she|they) (?:is|are|has|have)? ?(?:gone|disappeared|vanished)|can'?t reach|never heard|"
    r"number is dead|(?:number|account) (?:is |was )?(?:dead|deleted|disconnected)|ran (?:off|away)|took off with|"
    r"卷款|跑路|block了?我|"
    r"联系不上|拉黑|消失|不见了|不回|找不到(?:他|她|人)|跑了|删了我|把我删了|把我拉黑|删除了我|不理我了|停机|空号"
)
_THEFT_RE = _compile(f"{_THEFT_ZH}|{_THEFT_EN}")
_PAID_RE = _compile(_PAID)
_P2P_RE = _compile(r"p0p|c0c|otc|卖家|商家|买家|承兑|seller|merchant|buyer")
_VANISHED_RE = _compile(_VANISHED)
_LOSS_RE = _compile(_LOSS)
_FOUL_RE = _compile(_FOUL)
_INTACT_RE = _compile(_INTACT)
# The part of _INTACT that says the assets are still there. Only this overrides a customer who
# disowns an outgoing transfer; the rest ("didn't send", "avoid", "is this a scam?") does not,
# because "coins transferred out, I didn't send anything" is the plainest theft report.
_STILL_THERE_RE = _compile(
    r"(?:资产|钱|币|余额|资金)(?:都|也|暂时|目前|应该)?(?:(?:还在|都在)(?!\s*(?:别人|他|她|对方|骗子|黑客|陌生|一个|某个|那个|不明|未知|someone|a stranger|an? unknown))|没少|没动|正常|没问题|还是安全的)|"
    r"(?:balance|funds|assets|money|coins|crypto)[^.!?]{0,10}(?:is|are|look|looks|seem|seems|still|remain|remains)"
    r" (?:still |all )?(?:ok|okay|fine|safe|intact|untouched|there)(?![a-z])|"
    r"资产还在|钱还在|币还在|余额还在|资产没动|资产没少|钱没少|币没少|币还没少|还没被转|没有损失|资产安全|"
    r"still there|still intact|are intact|is intact|"
    r"(?:funds|assets|balance|coins|crypto|money) (?:untouched|intact|all there|unchanged)|"
    r"balance (?:is |was |stays? |remains? )?(?:unchanged|the same|not changed)|(?:余额|balance)\s*(?:也|都|还)?(?:没变|没有变|不变|没有变化)|"
    # "资产也在" ends its clause; "币都在别人钱包" says where they went.
    r"(?:资产|余额|资金|币|钱)(?:也|都|还)在(?=\s*(?:[，。,.!?！？;；]|$|呢|啊|吧|的))|"
    # Moved away in time by the customer ("已经提前把币转到新钱包", "already swept it to a fresh wallet").
    r"(?:已经|提前)把[^，。,]{0,6}转(?:到|去)了?新|(?:already|quickly|immediately) (?:moved|swept|transferred)[^.!?]{0,20}to a (?:new|fresh|different) wallet|"
    r"nothing (?:in|on) (?:the |my )?(?:history|records?)(?! (?:that|which) i)|no (?:withdrawals?|transfers?|transactions?) (?:in|on) (?:the |my )?(?:history|records?)|"
    r"before (?:anything|they could|he could|she could|it could|anyone could|the (?:hacker|scammer|attacker) could)"
    r"(?: (?:happened|happen|do|take|move|touch))?|"
    r"nothing(?:'s| is| was| has)? ?(?:been )?(?:missing|taken|lost|moved|stolen|touched|gone)|"
    r"not missing|还没(?:有)?(?:被)?(?:转|提|盗)|"
    # Intact told with a mixed-language noun or no noun ("balance 没少", "现在我的还在", "什么都没少").
    r"(?:balance|funds|assets|money|coins|crypto)\s*(?:都|也|暂时|目前)?(?:(?:还在|都在)(?!\s*(?:别人|他|她|对方|骗子|黑客|陌生|一个|某个|那个|不明|未知|someone|a stranger|an? unknown))|没少|没动)|我的(?:都|也)?还在|(?:什么|啥)(?:都|也)没少|"
    r"nothing (?:was |got )?stolen|(?:didn'?t|did not|couldn'?t|could not) (?:take|steal|touch) anything|"
    r"no (?:funds|money|coins|assets|crypto|balance) (?:were |was |have been |has been )?(?:lost|taken|missing|stolen|moved)|"
    r"(?:haven'?t|have not|didn'?t|did not) lose (?:anything|any)|(?<![a-z])lost nothing|nothing (?:was |is )?lost|(?:haven'?t|have not) lost (?:anything|any)|"
    r"nothing (?:has )?happened to my (?:account|wallet|funds|coins)|still have (?:all )?(?:my )?(?:funds|coins|money|crypto)|"
    r"nothing (?:was |got |has been )?(?:withdrawn|transferred|sent out)|nothing (?:has )?left (?:my|the) (?:wallet|account)|"
    r"(?:still )?see all (?:of )?my (?:coins|funds|assets|balance|money|crypto)|"
    r"(?:balance|funds)[^.!?]{0,8}(?:is |are )?(?:about|roughly|basically|pretty much|more or less) the same|(?:余额|资产|balance)\s*(?:差不多|基本没变)|"
    # "我没有被盗啊" denies a theft; "我没被盗过，但是…" only sets up the story of one.
    r"(?:我|本人)?(?:并)?没(?:有)?被(?:盗|偷|黑|骗)(?:啊|呀|吧)?(?=[。.!?！？]|$|[，,](?!\s*(?:但|可是|不过|结果)))|"
    r"(?:haven'?t|have not|wasn'?t|was not) (?:been )?(?:hacked|robbed|scammed|drained)(?![a-z])(?! before| until| but)|"
    r"没(?:有)?(?:丢|损失)(?:任何|什么|钱|币)|没出(?:什么)?事|(?:一分|一个|一点|分毫)(?:钱|币)?(?:都|也)?(?:没少|没动|不少|未动)|"
    r"(?:wallet|account|balance|funds|everything) (?:is|are|looks?|seems?) (?:still )?(?:fine|ok|okay|safe|intact|untouched|normal)(?![a-z])|"
    # Round 10, read from the writers' security rows that were called theft (no theft row says these):
    # "funds are all still here", "account still has everything", "Funds fine", "钱在。", "账户和钱包都没异常".
    r"(?:funds|money|coins|crypto|assets|balance|everything)(?: are| is)? (?:all )?still (?:here|there|in (?:the|my) (?:account|wallet))|"
    r"(?:account|wallet) still (?:has|holds|shows) (?:everything|all)|(?<![a-z])(?:funds|money|coins|balance|assets) (?:all )?(?:fine|ok|okay|safe)(?![a-z])|"
    r"(?:钱|币|资产|余额)(?:也|都)?在(?=\s*(?:[，。,.!?！？;；]|$))|(?:账户|钱包|资产|余额)[^，。,.!?！？]{0,6}(?:都)?没(?:有)?(?:异常|问题|变化)|"
    # Round 12: "钱也在 这是怎么回事" (a space ends the clause), "账户暂时没动", "啲幣仲喺度" (Cantonese),
    # "my funds are here", "I don't see anything missing".
    r"(?:钱|币|资产|余额|资金)(?:也|都|还)?在(?=\s)(?!\s*(?:别人|他|她|对方|骗子|黑客|陌生|一个|某个|那个|不明|未知))|"
    r"(?<!主)(?<!子)(?<!另一个)(?<!其他)(?<!其它)(?<!别的)(?:账户|账号|钱包|资产|余额|资金)(?:暂时|目前|应该|都|也|还)*(?:没动|没事|没被动)|"
    r"(?:钱|币|资产|余额|资金)[^，。,.!?！？]{0,3}仲(?:喺|在)度?|"
    r"(?<![a-z])(?:funds|money|coins|crypto|assets|balance) (?:are|is) (?:all )?(?:still )?here(?![a-z])|"
    r"(?:don'?t|do not|can'?t|cannot) see anything (?:missing|gone|taken|moved)"
)
_OUTFLOW_RE = _compile(
    r"transferred out|transfers? out|sent out|sent (?:away|off)|withdrawn|drained|emptied|"
    r"(?:got|was|were|been|get) (?:moved|sent|transferred|withdrawn|taken)|"
    r"(?<![a-z])(?:gone|vanished|disappeared|missing)(?![a-z])|"
    r"(?:go|went|gone|sent|moved) to an? (?:address|wallet)|(?<![a-z.])(?:0|zero) balance|被转|被提|被划|被卖|转走|提走|被(?:transfer|withdraw|move|send|sent|swap)|转出|不见了|没了|消失|少了|归零|清零|提币成功|提现成功|"
    r"(?:withdrawal|withdraw|提现|提币)\s*(?:成功|successful|succeeded|completed?)|withdrawal (?:emails?|notifications?|confirmations?)|withdrawal (?:(?:was|has been|is|got) )?(?:successful|succeeded|completed?|confirmed|done|processed|approved)|went from 0 to 0|"
    r"余额[^，。,!?！？]{0,4}(?:是|变成|变为|变|只剩|成了)(?:0|零)|balance (?:is|went to|shows|is now) (?:0|zero)(?![.,]0)|"
    r"被(?:人|别人)?(?:转|提|卖|划|拿|搬)|搬空|到(?:了)?别人(?:那|手|的)|提到(?:了)?别的|转到(?:了)?(?:别的|陌生|一个)|"
    r"left my (?:wallet|account)|(?:sitting|ended up|now) in (?:a|an|some|another|his|her|their)|"
    r"(?<!没)(?:提|转)了(?:0|[一二两三四五六七八九十几])|(?<![a-z])withdrew (?:all|everything|my)|"
    # Withdrawals that appeared in the records ("记录里多了三笔提币", "extra withdrawals in my history").
    r"多(?:出)?了[^，。,!?！？]{0,6}(?:提币|提现|转出|转账)(?:记录)?|(?:extra|new|unknown) withdrawals? (?:in|on) my (?:history|records?|account)|"
    r"跑到(?:了)?(?:一个|别的|陌生|别人)|外部地址|(?:提|转)(?:到|去)了?(?:一个)?(?:外部|陌生|未知|不明)|"
    r"(?<![a-z])(?:transfer|withdraw|move|send|sent|swap|drain|steal|stole|take|took|sell|sold)[a-z]*\s*(?:走|掉|光|出去)|(?:掉|降|变|跌)(?:到|成|为)?了?(?:0|零)(?![.0-9])|"
    r"(?:coins?|funds|tokens|money|everything|assets|crypto|usdt|eth|btc) (?:left|(?:were |got )?pulled out)|"
    r"(?:vanished|disappeared|gone|missing) from my (?:account|wallet|balance)|"
    r"(?:一个|一分|一点|一毛)(?:币|钱|u)?(?:都|也)(?:不剩|没有?了)|(?:全|都)不剩|(?:弄|搞|拿|卷|撸|薅)走|"
    r"transfer(?:red|ed)? to (?:an? )?(?:unknown?|strange|random|some|other)|"
    r"out of my (?:account|wallet|balance)|(?:got|was|were|been) (?:relocated|rerouted|redirected|shifted)|"
    r"(?:balance|account|wallet) (?:went|dropped|fell) from|(?:balance|account|wallet) (?:is |was )?(?:now )?empty|went out to|"
    r"(?:balance|account|wallet) (?:went|dropped|fell) (?:down )?to (?:0|zero|nothing)|"
    r"(?:shows?|says|has|is showing|reads?) nothing(?! (?:new|about|wrong|unusual))|nothing (?:in it|left in|in my (?:account|wallet))|(?:moved|sent|went) to (?:a |an |some |his |her |their )?(?:fresh|new|random|unknown|different|other|own)|rekt"
)
_DISOWN_RE = _compile(
    r"(?:didn'?t|did not|never) (?:send|sent|do|did|make|made|authori[sz]e|approve|withdraw|sell|sold|trade|transfer|move|sign|give|"
    r"request(?:ed)?|initiate(?:d)?|ask(?:ed)? for|(?:place|list)(?:d|ed)?(?![a-z]))|"
    # The same told in the perfect: "I haven't withdrawn anything", "have not authorised it";
    # not "haven't withdrawn anything yet", which tells of a withdrawal still to come.
    r"(?:haven'?t|have not|hasn'?t|has not) (?:sent|made|authori[sz]ed|approved|withdrawn|sold|transferred|moved|"
    r"signed|given|requested|initiated)(?![a-z])(?![^.!?,，。]{0,20}(?<![a-z])yet(?![a-z]))|"
    r"not me(?![a-z])|wasn'?t me(?![a-z])|not by me|never (?:seen|saw)|(?:don'?t|do not) (?:know|recogni[sz]e)|"
    r"没(?:有)?(?:做|发起|申请|下)(?:过)?(?:任何)?(?:的)?\s*(?:withdraw|transfer|提现|提币|提款|转账|转出|交易)|"
    r"不是我|非本人|(?:我|本人)(?:根本|从来|压根|并|都)?(?:就)?没(?:有)?\s*(?:操作|转|提|授权|卖|交易|withdraw|transfer|trade|sell|send|approve)|"
    r"没(?:有)?授权过|不认识|不知情|什么都没(?:干|做|操作|动)|never used|(?:didn'?t|did not) send it|not my (?:device|phone|ip|login|computer)|"
    r"i (?:didn'?t|did not) do anything|i did nothing|and did nothing|(?:didn'?t|did not) do anything|haven'?t done anything|"
    r"i was (?:asleep|sleeping)|while i (?:was )?(?:asleep|sleeping)|睡觉的时候|在睡觉|"
    r"没(?:有)?(?:交易|提|转|卖|操作|动|碰|做|弄|干|给)过|nobody[^.!?]{0,25}(?:did|touched|made) (?:anything|it|them)|"
    r"(?:啥|什么)(?:都|也)没|no (?:memory|recollection) of|(?:don'?t|do not|can'?t) remember (?:making|doing|sending|authori)|没(?:有)?印象|不记得(?:我)?(?:有)?(?:提|转|操作)|"
    r"i (?:not|no) (?:make|made|do|did|send|sent)|not make (?:this|it|that)|"
    r"i (?:am|was) not (?:doing|making|done|made) (?:any|this|that|the)|"
    r"从(?:来)?没见过|没见过的|一笔(?:交易)?都没(?:做|操作|动)|没(?:有)?(?:做|下)过?(?:任何)?(?:交易|单)|"
    r"(?:made|did|placed) no (?:trades?|withdrawals?|transactions?|orders?|transfers?)|never owned|"
    r"while i (?:was )?(?:at work|away|out|offline|travell?ing|on (?:holiday|vacation))|(?:haven'?t|have not|didn'?t|did not|never) touch(?:ed)?|没动过|"
    r"no (?:trades?|withdrawals?|transactions?|transfers?|orders?) (?:from|by) me|(?:don'?t|do not) own|没(?:有)?点(?:过|任何)?|without me|莫名|凭空|(?:i'?ve|i have) never seen|"
    r"不知道(?:的|是谁|谁)|(?:my )?ex(?:-| )?(?:wife|husband|girlfriend|boyfriend|partner)?(?= knew| had| took| used| got| withdrew| stole)"
)
# "I sent it to the wrong address myself" is a mistake, not a theft, unless malware chose the
# address (clipboard hijackers replace what the customer pasted).
_SELF_INFLICTED_RE = _compile(
    r"myself|my (?:own )?(?:mistake|fault)|i made a mistake|typo|wrong (?:address|network|chain)|"
    r"typed[^.!?]{0,25}wrong|(?:one|a) (?:character|letter|digit) wrong|打错|少了一位|多了一位|少复制|"
    r"(?:地址|address)\s*(?:贴|粘贴|复制|填|输)错|(?:贴|粘贴|复制|填|输)错(?:了)?(?:地址|address)|pasted the wrong|"
    r"because i (?:withdrew|sent|transferred|moved|spent|sold)|i withdrew (?:everything|it all|all)|"
    # A liquidation or a losing trade empties an account with no third party involved.
    r"强平|爆仓|liquidat|止损|stop[- ]loss|亏损|trading loss|leverage|杠杆|margin call|delist|下架|"
    r"(?:lost|lose|losing)[^.!?]{0,25}(?:trading|on (?:futures|perps|a trade|leverage|margin))|"
    r"on (?:my|a|the|that) (?:long|short)(?![a-z])|(?:the|a|that) (?:crash|dump)(?![a-z])|暴跌|插针|做多|做空|"
    r"跌没|跌(?:到|成)?了?(?:0|零)(?![.0-9%])|追高|(?:crash|dump)(?:ed|s)?(?![a-z])|"
    r"bought (?:at|near) the (?:top|peak)|"
    r"(?:山寨币|土狗|meme ?coins?|altcoins?|the (?:token|coin)s? i (?:bought|hold))[^.!?。，,]{0,15}(?:归零|went to zero|got rugged|rug ?pulled)|lost everything on|"
    # "我自己没有提现过" disowns; "我自己转错了" owns the mistake.
    r"我自己(?!\s*(?:都|也|根本|从来|从|并)?\s*没)(?!\s*的?\s*(?:常用)?(?:地址|钱包|账户|账号|address|wallet))|自己(?:不小心)?(?:填|输|粘贴|复制|选|转|提)错|不小心|填错|输错|粘贴错|复制错|选错|转错|提错|错误的地址"
)
_MALWARE_RE = _compile(
    r"malware|virus|trojan|clipboard|木马|病毒|剪贴板|剪切板|投毒|poison|hack|黑客|被黑|盗|scam|骗|drain|stole|steal|phish|钓鱼|"
    r"unauthori|fake|假|not me(?![a-z])|wasn'?t me(?![a-z])|不是我(?!的(?:地址|钱包|账户|address|wallet))|unknown|陌生|"
    r"some(?:one|body) (?:got|logged|used|accessed|took|stole|changed)"
)
# A stranger's hand on the account or its keys ("账户被人登录后开了合约", "whoever got into my account
# also opened 20x longs", "my API key was used to make trades"): the liquidation or the "myself"
# beside it ("我自己登不进去") is no admission of the customer's own mistake.
_STRANGER_HAND_RE = _compile(
    r"被人|给人|有人|(?:别人|陌生人)(?!的?(?:地址|钱包|账户|账号|address|wallet))|whoever|some(?:one|body)(?: else)? (?:was|is|has been|got|logged|used|accessed|took|opened|made|placed)|"
    r"api ?key (?:was|got|has been) used|用了?我的\s*api|"
    # The seed or key handed over: whoever holds it took the funds, whatever the customer blames.
    r"(?:gave|shared|sent|entered|typed|imported)[^.!?]{0,30}(?:recovery phrase|seed|private key|mnemonic)|"
    r"(?:助记词|私钥)[^，。,]{0,8}(?:给了|发给|泄露|被)"
)

_COMPLAINT_RE = _compile(
    r"投诉|赔偿|赔付|赔钱|赔我|赔给我|你们(?:要)?赔|退我(?:钱|币|u)|(?:请|要求|必须|立即|马上|赶紧|给我)[^，。,!?！？吗]{0,4}加急|退差价|赔返|"
    r"退(?:我|给我|还我)\s*0\s*(?:个)?\s*(?:u|usdt|usdc|eth|btc|trx|块|元)|(?:please|pls|plz)\s*退(?:回|还|款)|补偿|退款|退钱|还我|退还|退回给我|退回来|退给我|返还给我|退一下|麻烦退|请退|给个说法|给我个说法|给一个说法|讨个说法|"
    r"道歉|负责|(?:找|叫)你们(?:的)?(?:领导|经理|主管|负责人)|(?:领导|经理|主管)(?:出来|处理|解决)|升级处理|监管|(?:要|去|就|会|准备|只能|直接|马上|打算|考虑|否则|不然|我)报警(?!回执|记录)|曝光|"
    r"给我解释|解释(?:一下|清楚)?为什么|解释清楚|合理的解释|太慢了[^。]{0,10}解释|"
    r"(?:请|麻烦|尽快|并|给我)(?:核查|核实)?(?:并)?退回|给(?:个|一个|我个|我一个)(?:解释|交代)|"
    r"(?:给出|给个|给我|出具|提供)(?:一个|一份)?(?:书面|正式)(?:的)?(?:说明|解释|答复|回复)|written (?:explanation|response|statement)|"
    r"complain|complaint|compensat|refund|reimburs|money back|pay me back|make (?:this|it) right|"
    r"apolog|escalat|supervisor|manager|regulator|report you|legal action|lawyer|sue you|"
    r"investigation|(?:funds|money|coins|assets) (?:back|returned)|(?:want|need|give me|return) (?:my|me my) [^.!?]{0,20} back|get my (?:money|funds|coins) back|"
    r"(?:^|[,.;!?，。]\s*|please |pls |just |now )give (?:it|them|that|the (?:money|fee|fees)) back|(?:cover|covered|reimburse) (?:my|the) loss|losses (?:covered|compensated)|给我入账|"
    r"explain (?:why|the delay|this)|demand an explanation|want an explanation|unacceptable|responsible for|"
    r"(?:want|need|demand|expect)[^.!?]{0,25}(?:restored|reimbursed|returned|reversed)|restore (?:my|the|our) (?:funds|money|coins|balance)"
)
# Praise and "how do I file …" questions use complaint words without being one.
_NOT_COMPLAINT_RE = _compile(
    r"(?:会|能|可以)(?:不会)?退回(?:来)?吗|会不会退回|will (?:it|the money|my (?:funds|coins)) (?:be )?(?:returned|refunded)|"
    # Praise asks for nothing back.
    r"(?:态度|服务|效率)(?:很|非常|特别|真)?(?:好|高|棒)(?![慢差低烂坑])|好评|点赞|表扬|"
    r"great job|well done|super helpful|very helpful|thanks? (?:a lot|so much)|kudos|shout-?out|props to|"
    # Asking how something works or how to reach a person asks for nothing back.
    r"(?:could|can|would) you (?:please )?explain how|how (?:is|are) (?:the |my |this |that )?[a-z0-9 ]{0,30} calculated|"
    r"(?:is there|do you have) (?:a |an |any )?(?:phone|hotline|number|live chat|e-?mail address)|"
    r"怎么投诉|如何投诉|投诉渠道|退款多久|退款进度|refund policy|how (?:do|can) i (?:file|make) a complaint|"
    r"how long (?:does|do) (?:a )?refunds?|no complaints|退回来了吗|退回了吗|退回账户了吗|退回来没|退款到账了吗|"
    r"(?:were|was|are|is) (?:the )?(?:funds|money|coins) (?:returned|refunded)|(?:funds|money|coins) back\?"
)


# Security's own words. "login" pulls the model to account_login, but a suspicious login, a
# phishing link or a 2FA question is security (the operator's category list).
_SECURITY_2FA_RE = _compile(
    r"0fa|\bmfa\b|two[- ]factor|authenticator|谷歌验证|google验证|二次验证|双重验证|身份验证器|yubikey|passkey|"
    r"hardware (?:security )?key|security key|安全密钥|硬件钥匙|硬件密钥"
)
_SECURITY_CUE_RE = _compile(
    r"(?<![\"'“‘])suspicious|unfamiliar|unrecogni[sz]ed|可疑|怀疑|远程软件|remote (?:access|desktop)|anydesk|teamviewer|异地登录|防止被盗|防盗|异地登陆|陌生设备|陌生ip|不认识的ip|unknown (?:device|ip|login)|new device|"
    r"(?:ip|device|login)s? i (?:don'?t|do not) recogni|don'?t recogni[sz]e (?:this|the|an?) (?:ip|device|login)|"
    r"phishing|钓鱼|anti-phishing|防钓鱼|impersonat|pretending|冒充|假冒|"
    r"(?:is|are) (?:this|that|it|these) (?:real|legit|official|from you)|是(?:不是)?(?:你们)?官方的?吗|是你们发的吗|"
    r"did (?:that|this|it) come from you|from you\?|verify through a link|点链接|leaked|泄露|"
    r"which devices|(?:login|log ?in|登录|登陆)\s*过的\s*(?:devices?|设备)|devices? (?:are |is )?(?:logged|signed) in|login (?:notification|alert)s?|登录(?:提醒|通知)|"
    r"alerts? (?:for|on|about|of|when) (?:a |any |every )?(?:new )?(?:logins?|log-ins?|sign-?ins?|devices?)|"
    r"(?:link|链接|网址|email|邮件)[^，。,.!?]{0,6}(?:奇怪|可疑|不对劲|像假的)|(?:strange|weird|sketchy|shady|suspicious|fishy) (?:link|email|url|site|message)|(?:device|session)s? management|登录设备|设备管理|"
    r"(?:change|update) (?:my )?password regularly|定期(?:更换|修改)密码|登录记录|login history|"
    r"keep (?:my )?(?:account|wallet|funds) safe|secure my|保护(?:我的)?(?:账户|账号|资产)|"
    r"(?:email|code|sms|reset|link)[^.!?]{0,30}(?:didn'?t|did not|never) (?:ask|request)|"
    r"(?:不是我|我没(?:有)?)\s*(?:request|申请|请求|发起|操作)(?:过)?\s*的\s*[^，。,!?！？]{0,12}(?:reset|重置|验证码|邮件|email|短信|登录)|"
    r"(?:keeps?|kept) trying to|"
    r"(?:someone|somebody|they|he|she|hackers?|attackers?|people|strangers?|unknown)[^.!?,]{0,20}"
    r"(?:tried|trying|attempted|attempting) to (?:log ?in|reset|access|get into)|"
    r"(?:尝试|试图|企图)(?:登录|登陆|重置)|被(?:系统)?拦(?:下|截)|"
    r"没(?:有)?(?:申请|请求)(?:过)?的?(?:验证码|重置|短信)|"
    # Someone who asks the customer to "verify" a wallet or account is a phisher.
    r"(?:叫|让|要)我[^，。,.!?！？]{0,10}(?:verify|验证|认证)|(?:asked|told|wants?|wanted) me to (?:verify|validate|re-?validate)"
)


# The direction words: "没到账" alone says nothing about which way the money went, the verb does.
_WITHDRAW_WORD_RE = _compile(
    r"提现|提币|提\s*(?:u|usdt|usdc|btc|eth|sol|trx)(?![a-z])|提款|出金|(?<![a-z])(?:withdraw(?:al|als|ing|n)?|withdrew)(?![a-z])|cash ?out|"
    # Sent out to the customer's own wallet or account elsewhere ("to my own Kraken address").
    r"(?:sent|send|moved|transferred)[^.!?]{0,30} to my (?:own )?(?!deposit)(?:[a-z]+ ){0,2}"
    r"(?:wallet|address|account (?:on|at) (?:another|a different|the other|other))(?! here)|"
    r"(?:转|提)到(?:了)?我自己的?(?!(?:这|你们))|"
    # Sent to another person, who has not received it: the customer's money went out.
    r"(?:转|打|汇|transfer|send|sent)\s*给(?:了)?(?:我)?(?:的)?(?:朋友|家人|老婆|老公|对方|他|她|哥|姐|弟|妹|爸|妈)|"
    r"(?:sent|send|moved|transferred)[^.!?]{0,30} to (?:my |a )?(?:friend|brother|sister|mum|mom|dad|wife|husband|son|daughter|"
    r"colleague|partner)(?:'s)?(?![a-z])"
)
_DEPOSIT_WORD_RE = _compile(
    # "从币安提了2000U过来" withdraws elsewhere to deposit here.
    r"充值|充币|充u|充usdt|入金|存入|存进|(?<![a-z])deposit(?:ed|s|ing)?(?![a-z])|top[ -]?up|"
    r"(?:提|转)[^，。,!?！？]{0,10}(?:过来|到(?:这边|你们|这里))"
)


_FEE_WORD_RE = _compile(
    r"手续费|费率|矿工费|gas费|网络费|扣费|收费|(?<![a-z])(?:fees?|charged|commission|gas)(?![a-z])"
)


def fee_cue(text: str) -> bool:
    return bool(_FEE_WORD_RE.search(text_normalise(text)))


# Another exchange or wallet the customer also uses: money moved from it to here is a deposit
# whatever verb tells it ("withdrew 300 USDT from Binance to my account here"), and money sent to
# it (even to its "deposit address") is a withdrawal from here.
_ELSEWHERE = (
    r"(?:binance|币安|okx|okex|欧易|bybit|kraken|coinbase|kucoin|bitget|gate(?:\.io)?|htx|huobi|火币|mexc|bitfinex|"
    r"crypto\.com|bitstamp|gemini|metamask|trust ?wallet|phantom|ledger|trezor|imtoken|tokenpocket|小狐狸)(?![a-z])"
)
_INTO_HERE_RE = _compile(
    rf"从\s*(?:我的)?\s*{_ELSEWHERE}[^，。,!?！？]{{0,15}}(?:提|转|withdr|send|sent|transfer|move)|"
    rf"(?:withdr[ae]w[a-z]*|sent|send|sending|moved|moving|transferr?(?:ed|ing)?)[^.!?]{{0,40}} from (?:my )?{_ELSEWHERE}|"
    rf"from (?:my )?{_ELSEWHERE}(?: [a-z]+){{0,2}} (?:to|into) (?:here|you|your|this|walletdesk|my (?:[a-z]+ )?(?:account|wallet) here)|"
    r"(?:to|into) (?:here|you guys|this (?:exchange|platform|account|app)|(?:my|the) (?:account|wallet) here|walletdesk)(?![a-z])"
)
_OUT_THERE_RE = _compile(
    rf"(?:to|into|给) (?:my )?(?:old |own )?{_ELSEWHERE}|(?:my |an? |the )?(?:old )?{_ELSEWHERE}(?: [a-z]+)? deposit (?:address|addr)|"
    r"from here to|从(?:这边|这里|你们(?:这|平台)?)(?:提|转)"
)


def direction_of(text: str) -> str | None:
    """ "withdrawal" or "deposit" when only one direction's own words occur, else None."""
    norm = text_normalise(text)
    into_here, out_there = bool(_INTO_HERE_RE.search(norm)), bool(_OUT_THERE_RE.search(norm))
    if into_here != out_there:
        return "deposit" if into_here else "withdrawal"
    out, into = bool(_WITHDRAW_WORD_RE.search(norm)), bool(_DEPOSIT_WORD_RE.search(norm))
    if out == into:
        return None
    return "withdrawal" if out else "deposit"


# Advice on hardening the account wins over the feature it names ("a withdrawal whitelist for
# extra safety" is a security question, not a withdrawal problem).
_SECURITY_ADVICE_RE = _compile(
    r"(?:extra|more|better|added|additional) (?:safety|security|protection)|for (?:extra |more |added )?safety|"
    r"as safe as possible|make sure (?:my|the) (?:account|wallet|funds) (?:is|are|stays?) safe|"
    r"想检查一下(?:自己|我)的|检查(?:一下)?(?:自己|我)的(?:授权|approve)|how (?:do|can) i check (?:my|which)|"
    r"安全起见|更安全|提高(?:账户|账号)?(?:的)?安全|加强(?:账户|账号)?(?:的)?安全|"
    # "safer" asked about, not told in a story ("a video said self-custody is safer").
    r"safer\?|how (?:can|do|could) i [^.!?]{0,30}safer|make (?:it|mine|my (?:account|wallet)) (?:safe|secure)|lock (?:things|it|everything|my account) down|"
    r"保护好|怎么(?:做|样)才能(?:保护|防|安全)|"
    r"(?:还)?安全吗|(?:is|are) my (?:money|funds|assets|account|coins|crypto|wallet) (?:still )?safe|"
    r"(?:friend|coworker|co-worker|colleague|brother|sister|cousin|people|someone i know|朋友|同事|同学|家人|亲戚|很多人|好多人|不少人|网友)"
    r"[^。.!?！？]{0,60}(?:how (?:can|do|should) i protect|which settings|what settings|keep (?:mine|my (?:account|wallet)) (?:safe|from)|"
    r"开启哪些|哪些保护|怎么(?:才能)?(?:防|保护)(?:我|自己)|harder to (?:hack|break into|steal|get into)|protect\s*(?:my|mine|our|我的|自己))|"
    r"(?:doesn'?t|does not|won'?t|will not|never) happens? to (?:me|us|mine)|(?:avoid|prevent) (?:the same|that|this) (?:thing )?happening|"
    r"(?:避免|防止|不想)(?:我|自己)?也被|(?:同样的|这种)事[^，。,]{0,6}(?:发生在我|轮到我)|"
    # Asking what stops a thief or what to do to protect one's own account is hardening.
    r"(?:stop|stops|prevent|prevents|block|blocks|protect (?:me )?against|keep out) (?:the )?(?:hackers|scammers|thieves|attackers|someone)|"
    r"(?:what|how) (?:should|can|do) i do to (?:protect|secure|safeguard)|(?:are|is) my [a-z ]{0,20}(?:funds|account|coins|wallet|crypto|money) (?:at risk|in danger|exposed)|"
    # Setting up a withdrawal whitelist is account hardening, not a withdrawal problem.
    r"(?:白名单|whitelist|allowlist)[^。.!?！？]{0,8}(?:怎么|如何|在哪|哪里|设置|开启|set ?up|enable|turn on|where)|"
    r"(?:怎么|如何|在哪|哪里|设置|开启|打开|how (?:do i|to|can i)|where|turn on|enable|set up|activate)"
    r"[^。.!?！？]{0,40}(?:白名单|whitelist|allowlist)"
)


def security_advice(text: str) -> bool:
    return bool(_SECURITY_ADVICE_RE.search(text_normalise(text)))


def phishing_cue(text: str) -> bool:
    """True when the message names security's own warning signs (not 2FA set-up, not "intact")."""
    return bool(_SECURITY_CUE_RE.search(text_normalise(text)))


def security_cue(text: str) -> bool:
    """True when the message uses security's own vocabulary (2FA, phishing, suspicious login)."""
    norm = text_normalise(text)
    return bool(
        _SECURITY_2FA_RE.search(norm)
        or _SECURITY_CUE_RE.search(norm)
        or _INTACT_RE.search(norm)
        or _STILL_THERE_RE.search(norm)
    )


# Theft words that report no loss: a hypothetical ("如果手机被偷了", "if my wallet gets stolen"),
# a worry about the future, hearsay, or the warning quoted from a message the customer received
# ("an email saying my account was compromised"). Only that clause is set aside; a real loss told
# beside it still counts, so "听说能追回，我的U被转走了" stays theft.
_PAST = r"(?:was|were|got|been|had|already|yesterday|today|tonight|last|this morning)"
_HYPOTHETICAL_RE = _compile(
    r"(?:如果|要是|假如|假设|万一|一旦|若是|倘若)[^，。,.!?！？;；]{0,30}|[^，。,.!?！？;；]{1,20}的话(?=[，,\s])[^。.!?！？;；]{0,30}|"
    r"(?:担心|害怕|怕|担忧|防止)(?:以后|将来|会|哪天|有一天|被|自己)[^，。,.!?！？;；]{0,12}|"
    r"(?:听说|据说|听别人说|看新闻说)[^，。,.!?！？;；]{0,30}|"
    r"(?<![a-z])(?:if|in case|what if|suppose|supposing)(?![a-z])"
    r"(?:(?!(?<![a-z])" + _PAST + r"(?![a-z]))[^,.!?;])"
    r"{0,50}|"
    r"(?:worried|afraid|scared|concerned|worry|fear)(?: that| about)?[^,.!?;]{0,30}"
    r"(?:could|might|will|would|may|getting|being|gets?) (?:be )?[a-z]+|"
    r"(?:i (?:heard|read)|i'?ve (?:heard|read)|heard that|heard about|people (?:say|said)|(?:heard |saw |reading )?rumou?rs?|(?:saw|read) (?:the |some )?news|news that)[^,.!?;]{0,50}|"
    # A modal question asks what could happen ("can a scammer steal my coins if he knows my
    # address?", "别人知道地址能偷走我的币吗"); one that tells a past event is not set aside.
    # "could it be a hack?" asks about something that happened; it is not set aside.
    # "can you help me trace my stolen funds?" asks support to act: no hypothetical.
    r"(?<![a-z])(?:can|could|would|might|is it possible|possible for)(?![a-z])(?! (?:it|this|that) (?:be|have))(?! (?:you|u|your team)(?![a-z]))"
    r"(?:(?!(?<![a-z])" + _PAST + r"(?![a-z]))[^,.!?;])"
    r"{0,60}\?|"
    r"(?:能不能|会不会|可不可以|有没有可能|是否会|能否)[^，。,.!?！？;；]{0,15}|"
    # Round 12: the thief as the subject of the modal question ("hacker能不能bypass 2FA提币？"), and an
    # English conditional whose "if" clause has a past form in it ("if someone got my 2FA codes via
    # sim swap, could they withdraw?"): the question makes the whole sentence hypothetical.
    # Only the thief's own nouns: a common "别人"/"someone" would open this pattern's gate on most texts.
    r"(?:hackers?|scammers?|thieves|thief|黑客|骗子|小偷|坏人)\s*(?:能不能|会不会|可不可以|能否|可以|能)[^，。,.!?！？;；]{0,15}[?？吗]|"
    r"(?<![a-z])(?:hypothetically,? )?(?:if|what if|suppose|supposing)(?![a-z])[^.!?;]{0,60}, (?:could|can|would|will|might|is it possible)(?![a-z])[^.!?;]{0,60}\?|"
    r"(?<![不])(?:能|会|可以|可能)(?!帮)[^，。,.!?！？;；了]{0,20}(?:吗|么|嘛)|"
    # Questions about the platform's own record or cover, not the customer's account.
    r"(?<!on )(?<!in )(?<!at )(?<!with )(?:your|the) (?:platform|exchange|company|site|app|system|wallet app)[^.!?]{0,20}(?:ever )?(?:been )?(?:hacked|breached)|"
    r"(?:你们|平台|交易所|贵司)[^，。,.!?！？]{0,6}(?:被盗过|被黑过|被(?:黑客)?攻击过?)|"
    # An identity document or login name "taken"/"in use" is a sign-up or KYC question, not a loss.
    r"(?:document|id|passport|e-?mail|username|user name|phone number|number|证件|身份证|邮箱|手机号)[^.!?，。]{0,12}"
    r"(?:is |was )?(?:already )?(?:taken|in use|registered|已被(?:使用|注册|占用)|被(?:使用|占用|注册))|"
    # A theft long past and recovered from is not this message's report (what follows still counts).
    r"(?:hacked|stolen|compromised|被盗|被黑)[^.!?,，。]{0,10}(?:last year|years ago|a year ago|去年|好几年前|几年前)|"
    # Round 12: others harmed by a scam the customer reports, a suspicion voiced, identity data misused.
    r"(?:stealing|steals|scamming|scams|robbing|draining|drains|phishing)(?: from)? (?:people|others|users|everyone|many|newbies)(?:'s?)?[^.!?;]{0,20}|"
    r"(?:每天|天天|很多|好多|不少)?(?:都)?(?:有人|很多人|好多人|不少人|别人)(?:都)?(?:被骗|被盗|上当)|"
    r"(?:怀疑|感觉|觉得|担心)(?:我的?)?(?:账户|账号|号|钱包)?(?:是不是|好像|可能)?(?:被盗|被黑|被hack)了?|"
    r"(?:实名|身份|认证|证件|身份证|kyc)[^，。,.!?！？]{0,6}(?:信息|资料|数据)?[^，。,.!?！？]{0,3}被(?:别人|人|他人|陌生人)?(?:冒用|盗用|使用)|"
    r"(?:cover|insure|reimburse|compensate)[^.!?]{0,12}(?:losses?|loss)[^.!?]{0,20}(?:hacks?|theft|stolen|scams?)|"
    r"(?:is it true|is it possible|is it safe|how (?:do|can|would) (?:hackers|scammers|thieves|someone|somebody|they))"
    r"[^.!?;]{0,90}\?|"
    # An attempt that failed, and the purpose of a safeguard ("so no one can steal my funds").
    r"(?:tried|trying|attempted|attempting|tries) to (?:steal|hack|log ?in(?:to)?|access|get into|take|drain|break into|withdraw|transfer|move|send)"
    r"(?: my| the)? ?(?:account|wallet|acc|funds|coins|money|crypto)?|"
    r"(?:试图|企图|想要?|尝试)(?:盗|偷|登录|登陆|转走|提走|黑)[^，。,.!?！？;；]{0,6}|"
    r"so (?:that )?(?:no ?one|nobody|hackers|scammers|thieves) (?:can|could|will)[^,.!?;]{0,30}|以免[^，。,.!?！？;；]{0,12}|免得[^，。,.!?！？;；]{0,12}|"
    r"(?:worried|afraid|scared|concerned|paranoid) (?:about|of) (?:sim[- ]?swaps?|takeovers?|drainers?|hacks?|hackers?|scams?|scammers?|theft|phishing|"
    r"getting (?:hacked|scammed|drained)|being (?:hacked|scammed|drained))|"
    r"(?:说|称|saying|says|claiming|claims|said|warning)(?: that)?[^，。,.!?！？]{0,20}"
    r"(?:被盗|被黑|被偷|被骗|异常|有风险|风险|compromised|hacked|at risk|flagged|suspended|locked|breached|stolen)"
)
# Words that sound like theft and are not about one: an insult ("your liquidation engine is a
# scam"), a battery the app drains, a worried question about a mistake ("are my funds gone?").
_FIGURATIVE_RE = _compile(
    r"(?:is|are|'s|was|were) (?:a |an |such a |total |complete |absolute |just )*(?:scam|fraud|joke|rigged|robbery)(?![a-z])|"
    r"(?:跟|像)(?:骗子|强盗|土匪)一样|骗人的|"
    r"drain(?:s|ing|ed)? (?:my |the )?(?:phone'?s? )?(?:battery|data|storage|cpu|memory)|耗电|"
    r"(?:stole|steal|stealing|wasted) (?:0 |a few |some |so much |all my |my )?(?:hours?|minutes?|days?|time|life)|"
    # "are they gone?" asks; "now they're gone??" tells.
    r"(?<!now )(?:it'?s|they'?re|its) (?:all )?gone\?|"
    # A theft denied outright ("我不是被盗，是自己爆仓了") names what did not happen.
    r"(?<!是)(?<!是不)不是被(?:盗|偷|黑|骗)(?![^，。,!?！？]{0,4}(?:而是|是被))|(?:it'?s|this is|it was) not (?:a )?(?:hack|theft)(?![a-z])|"
    # A lost phone or password is not lost money (what follows it still counts).
    r"(?:lost|丢了) (?:my )?(?:phone|device|laptop|sim|password|2fa|0fa|email|authenticator)|"
    r"(?:手机|电脑|密码)(?:丢了|弄丢了)|"
    # A face or selfie check answering "not the account owner" is a verification failure.
    r"(?:人脸|刷脸|面部|活体|自拍|视频认证|face|selfie|liveness)[^。.!?！？]{0,20}(?:非本人|不是本人|不是我|not (?:the same person|the owner|you|me)|(?:doesn'?t|does not) match)(?:操作|operation)?|"
    # A theft the customer only thought had happened ("还以为被hack了…才发现是我自己开的").
    r"(?:还|我还|本来|一开始)?以为[^，。,.!?！？]{0,12}(?:被|hack|盗|偷|骗)[^，。,.!?！？]{0,8}|"
    r"(?:i |at first i )?thought (?:i|we|my [a-z]+|someone)[^,.!?;]{0,30}(?:hacked|stolen|drained|robbed|scammed)(?: me| it| them)?|"
    r"(?:(?:old|my|the) )?(?:phone )?(?:number|phone|sim(?: card)?|laptop|device|e-?mail|authenticator)(?: is| was| got| has)? (?:gone|lost|missing)(?![a-z])|"
    # Support "tricking" the customer into closing a ticket is a complaint about service, not a scam.
    r"骗(?:我)?(?:关|结|撤|销|删)(?:掉|了)?(?:工单|单子|单|投诉|ticket)|骗(?:我)?(?:给|打)?好评|"
    r"trick(?:ed|ing)? me into (?:closing|withdrawing|cancell?ing) (?:the|my) (?:ticket|complaint|case)|"
    r"(?:(?<![a-z])(?:stole|steal|stealing|robbed|rob|robbing)(?![a-z])|偷|抢)[^.!?，。]{0,40}(?:as |in |for )?(?:fees?|手续费|gas)|"
    r"(?:fees?|手续费|gas费?|扣费)[^.!?，。]{0,12}(?:偷|抢|stole|steal|robbery|theft|drained|ate|eats|eating|wiped|took|takes|taking)|"
    r"(?<![a-z])(?:you'?re|you are|you guys are|ur|u r) (?:a bunch of |such |total |absolute |just |literally |basically )*(?:thieves|robbers|scammers|crooks|criminals|frauds)(?![a-z])|"
    r"我(?:也|又|都|并|根本)?没(?:有)?(?:做|干)(?:过)?(?:什么|任何)?(?:奇怪|违规|异常|可疑|违法|不正常|特别)的?(?:操作|事|交易)?|"
    r"(?:didn'?t|did not|never) do anything (?:wrong|suspicious|unusual|illegal|weird|strange)|"
    r"(?<![a-z])(?:you|you guys|your (?:platform|exchange|app|company)) (?:basically |literally |just )?"
    r"(?:stole|steal|robbed|rob|are stealing|are robbing)|"
    # Money coming in ("有人给我转了币", "he sent me 50 USDT") is not money taken.
    r"(?:给我|向我)(?:转|打)了?|(?:转|打)给我|"
    r"(?:转|打)了?(?:一点|一些|一笔|点)?\s*(?:0|[一二两三四五六七八九十百千万几]+)?\s*(?:个)?\s*(?:u|usdt|usdc|eth|btc|trx|bnb|sol|币|钱)\s*给我|(?:对方|他|她|卖家|朋友)说(?:已经|早就)?(?:转|打)(?:了|过来)|(?<![a-z])(?:sent|transferred|paid) (?:to )?me(?![a-z])|"
    r"(?:are|is|did|will|have|has) (?:i |my |the )?(?:funds?|coins?|money|it|they|them|usdt|eth|btc|crypto)? ?"
    r"(?:gone|lost|lose|been lost)[^.!?]{0,20}\?"
)


_DEVICE_STOLEN_RE = _compile(
    r"(?:phone|laptop|device|sim|computer|ipad|tablet|手机|电脑)(?: with [a-z0-9 ]{1,30})?\s*(?:got |was |has been |被)?(?:stolen|偷了|被偷)"
)


# Cached like text_normalise: services asks several of these questions about one message.
@lru_cache(maxsize=256)
def _set_aside(norm: str) -> str:
    """The normalised text without hypothetical, hearsay, quoted-warning and figurative clauses."""
    aside = _FIGURATIVE_RE.sub(" ", _HYPOTHETICAL_RE.sub(" ", norm))
    without_device = _DEVICE_STOLEN_RE.sub(" ", aside)
    if without_device != aside and not (
        _LOSS_RE.search(without_device)
        or _OUTFLOW_RE.search(without_device)
        or _OWN_FUNDS_GONE_RE.search(without_device)
    ):
        # A stolen phone or laptop with no money told gone is a device to lock down (security);
        # with a loss beside it ("phone stolen … balance withdrawn") it is how the theft began.
        return without_device
    return aside


def theft_hypothetical(text: str) -> bool:
    """True when theft words occur only in a clause set aside (a hypothetical, a worry, hearsay
    or a quoted warning): the customer asks about security, nothing was lost."""
    norm = text_normalise(text)
    if not _theft_word(norm):
        return False
    spans = [m.group(0) for m in _HYPOTHETICAL_RE.finditer(norm)]
    return any(_THEFT_RE.search(span) for span in spans) and not theft_suspected(text)


def theft_only_imagined(text: str) -> bool:
    """Every word of taking sits in a hypothetical or a question about what could happen ("钱包
    被别人知道密码的话 他们可以 transfer 我的 USDT 吗"): nothing is left that tells a loss."""
    norm = text_normalise(text)
    aside = _set_aside(norm)
    return aside != norm and not _theft_hit(aside) and not loss_told(text)


def theft_set_aside(text: str) -> bool:
    """True when the raw text trips the theft net but the text without its set-aside clauses
    does not: the theft words were hypothetical, hearsay or figurative."""
    norm = text_normalise(text)
    aside = _set_aside(norm)
    return aside != norm and _theft_in(norm) and not _theft_in(aside, norm)


# Another person acting on the customer's account or money.
_THIRD_PARTY_RE = _compile(
    r"(?:(?<!can )(?<!could )(?<!would )(?<!please )(?<!pls )some(?:one|body)|stranger|hacker|attacker|thief|scammer|intruder|they|he|she)[^.!?]{0,25}"
    r"(?:my|our) (?:account|acc|wallet|coins|funds|money|crypto|usdt|eth|btc|tokens|balance|assets|nfts?)|"
    r"(?:有人|别人|陌生人|黑客|小偷|骗子|对方)[^，。,.!?！？]{0,8}我的\s*(?:账户|账号|号|钱包|币|钱|资产|u|余额|account|acc|wallet|coins|funds)|"
    r"moving out|selling my|卖(?:了|掉)?我的|(?:hacker|someone|somebody|stranger) (?:is |was )?in my (?:account|acc|wallet)"
)


# The customer's own holdings told gone, in any words: a holding (my balance, 资产, the coins)
# next to a state of absence (empty, 一片空白, 只剩零头, not there anymore, 易主, at a stranger's
# address). Composed from two short vocabularies rather than listed phrases, so "资产那里一片空白"
# and "the money is not more in my account" need no entry of their own.
_HOLDING = (
    r"(?:my|our|the|all (?:of )?my|whole|entire) (?:own )?(?:money|funds|coins|crypto|balance|assets|savings|holdings|"
    r"tokens|portfolio|account|wallet|usdt|btc|eth|bitcoin|sol)|"
    r"(?<![a-z])(?:money|funds|coins|crypto|balance|assets|savings|holdings|portfolio|usdt|btc|eth)(?![a-z])|"
    r"资产|余额|资金|本金|存款|积蓄|币|钱|u(?![a-z])|账户里|钱包里|账户|钱包|总额"
)
_ABSENT = (
    r"一片空白|空白|空空|空了|清空|搬空|掏空|只剩(?:下)?(?:一?个?零|零头|几|一点|点|0|dust)|剩(?:下)?(?:零头|个零)|"
    r"不翼而飞|蒸发|易主|一个都(?:没|找不到|不剩)|(?:一个|一分|一毛)(?:币|钱|u)(?:都|也)(?:没|不剩)|(?:都|全)?找不到了|差了一大截|少了一大截|少了(?:一半|大半|很多)|"
    r"(?:全部|全|都)?(?:不见了?|没了|没有了)|(?:显示|变成|变|成了|只有|是)\s*零|"
    # An English word of loss in Chinese grammar ("都 vanish 了", "全 gone 了", "disappear 掉了").
    r"(?:vanish|vanished|disappear|disappeared|gone|missing)\s*(?:掉)?了|"
    r"not (?:there|in (?:my|the) (?:account|wallet)) (?:any ?more|no more)|no longer (?:there|in (?:my|the))|"
    r"is not more|are not more|not there any ?more|just not there|walked (?:out|off|away)|"
    r"(?:at|in|to) (?:some|a|an) (?:stranger|random|unknown|someone)'?s? (?:address|wallet)|"
    r"belongs? to (?:him|her|them|someone|somebody|a stranger)|now (?:his|hers|theirs)|"
    r"(?<![a-z])empty(?![a-z])|nothing (?:left|there)|only (?:dust|cents|a few cents) left|(?:almost|nearly|next to|basically|practically) (?:nothing|zero|empty)|barely anything|(?:dust|crumbs|pennies) left|"
    # A sum told shrunk to pocket change ("had 10k usdt this morning, now there's like 3 dollars").
    r"now (?:there'?s|there is|i have|it'?s|it shows|shows?) (?:only |just |like |about |around )?(?:0|a few|a couple(?: of)?) (?:dollars|bucks|cents|usd)(?![a-z])|"
    r"几乎(?:没了|没有了|为零|是零|清空|空了|什么都没)|只剩(?:下)?(?:一丁点|一点点|些零头|渣)|所剩无几|(?:has|had) vanished|"
    r"(?:went|gone|dropped) (?:from [^.!?]{1,20} )?to (?:nothing|zero)|(?:变成|变为|成了|剩下?)\s*(?:nothing|zero|empty)|"
    r"(?:become|became|becomes|becoming|turn(?:ed)? to|turn(?:ed)? into) (?:0|zero|nothing|empty)(?![.,0-9])"
)
_OWN_FUNDS_GONE_RE = _compile(
    f"(?:{_HOLDING})[^.!?。！？]{{0,30}}(?:{_ABSENT})|(?:{_ABSENT})[^.!?。！？]{{0,6}}(?:{_HOLDING}|account|wallet)"
)
# A zero balance, read on the raw text because text_normalise folds every number to 0.
_ZERO_BALANCE_RE = re.compile(
    r"(?:资产|余额|资金|总额|账户|钱包|balance|portfolio|account|wallet|assets|funds)[^.!?。！？,，]{0,12}"
    r"(?:显示|变成|变为|变|成了|只有|只剩|剩|是|shows?|is|reads?|at|to|of)\s*(?:0(?:\.0+)?|零)(?![.,0-9%])|"
    # Screen text pasted as is: a balance column label with 0 beside it ("可用余额 0.00", "Balance: 0.00").
    r"(?:可用余额|余额|总资产|可用资产|available balance|total balance|balance|total assets)\s*[:：]?\s*0(?:\.0+)?(?![.,0-9%])",
    re.IGNORECASE,
)
# Someone else's loss: a relative, friend or colleague was the victim, and the customer asks
# about their own safety or says the loss was elsewhere (another exchange, a platform they do not use).
_OTHER_VICTIM_RE = _compile(
    r"(?<![a-z])(?:a|one of my) (?:friends?|colleagues?|coworkers?|relatives?|family members?|neighbou?rs?)(?![a-z])|(?:一个|有个)(?:朋友|同事|亲戚|邻居)|"
    r"(?:my |我\s*|我的\s*)(?:friend|dad|father|mum|mom|mother|brother|sister|cousin|uncle|aunt|colleague|coworker|"
    r"neighbou?r|husband|wife|son|daughter|grand(?:ma|pa|mother|father)|nephew|niece|partner|girlfriend|boyfriend|朋友|舅舅|叔叔|阿姨|姑姑|姨妈|小姨|外甥|侄子|侄女|老公|老婆|男朋友|女朋友|爷爷|奶奶|外公|外婆|表哥|表姐|表弟|表妹|堂哥|堂姐|妈|爸|父亲|母亲|哥|姐|弟|妹|"
    r"同事|同学|邻居|亲戚|家人)|"
    # A relation noun telling its own story with no "my" ("朋友在别的 exchange 被 hack 了").
    r"(?:^|[，。,.!?！？\s])(?:朋友|同事|同学|邻居|亲戚|家人)(?:在|的|被|也被|说|刚)|"
    r"(?<![a-z])(?:friend|colleague|coworker|co-worker|relative|neighbou?r|buddy|mate)(?:'s|s'| got| was| had| lost| fell)"
)
_OWN_SIDE_RE = _compile(
    r"(?<![a-z])mine(?![a-z])|(?:is|are) (?:it|yours|mine|my [a-z]+) safe|我自己|(?:我|我的)(?:的)?(?:呢|还在|也)|我的(?:要|该)?怎么|"
    r"another (?:exchange|platform|app)|other (?:exchange|platform)|different (?:exchange|platform)|不用你们|不是你们(?:的|平台)|"
    r"(?:on|at|in) (?:binance|okx|coinbase|kraken|bybit|kucoin|bitget|gate|htx|huobi|metamask|trust ?wallet|phantom)|"
    r"(?:protect|secure) my (?:account|wallet|funds|coins) (?:here|too|as well)|"
    r"(?:别的|其他|其它|另一个|另外一个)\s*(?:平台|交易所|exchange|platform|app|钱包|wallet)|"
    r"what should (?:he|she|they) do|(?:他|她)(?:该|要)?怎么办|怎么报(?:案|警)|"
    r"how (?:can|do|should) i (?:make sure|protect|check|keep)|"
    # Asking which apps, links or accounts are genuine: how to stay clear of the same trap.
    r"(?:which|what)[^.!?]{0,30}(?:(?:are|is) (?:actually |really )?(?:yours|official|genuine|legit|real)|official)|"
    r"(?:哪个|哪些|怎么分辨|如何分辨|怎么辨别|如何辨别)[^，。,.!?！？]{0,12}(?:是你们|官方|正版|真的)|"
    r"(?:我|我的)[^，。,.!?！？]{0,12}(?:怎么|如何|要不要)\s*(?:检查|保护|防|protect|secure|check)|(?:怎么|如何)\s*(?:检查|保护|protect|secure|check)(?:一下)?\s*(?:我|自己)"
)
# A request the customer only heard ("asked me to transfer everything", "叫我转到安全账户")
# tells no loss by itself.
_REQUESTED_RE = _compile(
    r"(?:asked|told|wanted|instructed|urged|tried to get) me to [^.!?]*|(?:叫|让|要)我[^，。,.!?！？]*"
)
# ... when the customer says they refused; a request they followed is part of the loss.
_REFUSED_RE = _compile(
    r"(?:didn'?t|did not|never|won'?t)(?: [a-z]+)? (?:send|transfer|move|pay|do it|give|click|reply)|i didn'?t(?![a-z ])|"
    r"refused|said no|declined|拒绝|没(?:有)?(?:转|给|理|照做|付|打|点|交|缴)|blocked (?:him|her|them)|ignored"
)


# The customer's own transfer told in the first person ("withdrew to … it says invalid address"):
# a failed or slow transfer unless a stranger, a scam or a disowning is named beside it.
_OWN_MOVE_RE = _compile(
    r"^(?:hi |hello |hey )?(?:i |i've |i have )?(?:just )?(?:withdrew|sent|transferred|moved|deposited)(?![a-z])|"
    r"(?<![a-z])i (?:just )?(?:withdrew|sent|transferred|moved|deposited)(?![a-z])|"
    r"^(?:我)?(?:刚|刚才|今天|昨天)?(?:提|转|充)(?:了|币|u|到)|我(?:刚|刚才|今天|昨天)?(?:自己)?(?:提|转|充)(?:了|币|u|到)|"
    # A move the customer still means to make ("我想提3个BTC", "I want to withdraw 2 ETH") has lost nothing.
    r"我(?:想|要|准备|打算|计划)(?:把[^，。,!?！？]{0,10})?(?:提|转|充)|"
    r"(?<![a-z])i(?:'d| would)? (?:want|like|need|plan|am planning|am going|intend|wish) to (?:withdraw|send|transfer|move|deposit)|"
    # Sent from another exchange to this one ("从OKX提了两千U到这边"): the customer's own deposit.
    r"从[^，。,!?！？]{1,15}(?:提|转)[^，。,!?！？]{0,12}(?:过来|到(?:这边|你们|这里|贵平台))"
)


def own_transfer(text: str) -> bool:
    """The customer made the transfer themselves and names no third party or disowning."""
    norm = text_normalise(text)
    return bool(_OWN_MOVE_RE.search(norm) and not (_FOUL_RE.search(norm) or _DISOWN_RE.search(norm)))


# A market move the customer's holdings followed: a trading matter, not a security one.
_MARKET_MOVE_RE = _compile(
    # Not 行情 alone: "行情页面" is the market screen, not a move of it.
    r"币价|大盘|暴跌|跌了|跌到|跌没|跌穿|爆仓|插针|一根针|强平|(?<![a-z])liquidat|wick(?:ed)? out|margin call|stopped out|(?:price|market|token|coin)[^.!?]{0,20}(?:crash|dump|fell|tank|plunge|drop)|"
    r"(?:crash|dump|tank|plunge)(?:ed|s)?(?![a-z])[^.!?]{0,30}(?:portfolio|position|balance|holdings|my money)|"
    r"(?:the (?:token|coin|altcoin|memecoin)s? i (?:hold|bought|own))|亏完|亏光|全亏|亏没|"
    r"(?:山寨币|土狗|meme ?coins?|shit ?coins?|altcoins?|alts?|tokens?|coins?)[^.!?。，,]{0,15}(?:归零|went to zero|got rugged|rug ?pulled|rugged|down 0 ?%)|lost everything on|"
    # A fall told as a percentage ("一晚上 -90%", "跌了80%", "down 95%"); a thief takes all, not a share.
    r"(?<![a-z0-9])-\s?0(?:\.0)?\s?%|(?:跌了?|跌幅|亏了?|回撤|down|dropped|fell|dumped|lost)\s*(?:了|by|about|around|like)?\s*0(?:\.0)?\s?%"
)


# The foul words that only tell when the loss was noticed ("went to zero overnight"): a market
# move is as sudden as a thief, so beside one they name no third party.
_WHEN_NOTICED_RE = _compile(r"overnight|一夜之间|半夜|睡觉的时候|一觉醒来|醒来(?:发现|一看)|睡觉")


def _market_only(norm: str) -> bool:
    return bool(
        _MARKET_MOVE_RE.search(norm)
        and not (_FOUL_RE.search(_WHEN_NOTICED_RE.sub(" ", norm)) or _DISOWN_RE.search(norm))
    )


def market_move(text: str) -> bool:
    """The customer's holdings moved with the market (a crash, a dump, 行情), and no third party
    or disowning is told beside it ("API key leaked, someone wash-traded, 资产亏光后被提走")."""
    return _market_only(text_normalise(text))


# A balance that read 0 for a moment and came back after a refresh is a display bug, not a loss.
_DISPLAY_GLITCH_RE = _compile(
    r"(?:刷新|重启|重新登录|重新登陆|重新打开|重开|refresh(?:ed|ing)?|restart(?:ed|ing)?|reload(?:ed|ing)?|re-?open(?:ed|ing)?|"
    r"log(?:ged)? (?:out and )?back in)[^，。,.!?！？]{0,12}(?:正常|好了|回来|恢复|fine|normal|back|correct|ok(?:ay)?(?![a-z]))|"
    r"(?:came|comes|come|is|was|went) back(?: to normal)?(?: again)?(?: after| by itself| on its own| a (?:minute|moment|second) later|$|[,.!])|"
    r"又(?:回来|恢复|正常)了|(?:自己|自动)(?:恢复|好了|回来)"
)


# The coins are all there and only the value shown moved ("总额少了一半…币的数量没变"): a
# valuation or display question, not a loss and not a suspicion.
_VALUE_ONLY_RE = _compile(
    r"(?:币|代币|资产)?的?(?:数量|个数)\s*(?:都|也|还是)?(?:没变|没有变|不变|没少|没有少|一样|没动)|"
    r"(?:number|amount|quantity|count) of (?:my )?(?:coins|tokens|btc|eth|usdt|sol|units)[^.!?]{0,15}"
    r"(?:is the same|(?:is |are |stayed |remains? )?unchanged|(?:has|have)n'?t changed|(?:did|do)n'?t change|not changed)|"
    r"(?:coin|token) (?:count|quantity|amounts?) (?:is |are )?(?:the same|unchanged)|same (?:number|amount) of (?:coins|tokens)|"
    r"(?:折合|折算|估值|换算|估算)[^，。,!?！？]{0,10}(?:算错|不对|错了|有误|有问题)|"
    # The display currency switched ("从CNY变成了USD"): the figure changed, not the holdings.
    r"display currency|(?:计价|显示|估值)(?:货币|币种|单位)|(?:quote|fiat|local) currency (?:changed|switched|reset)|"
    r"从\s*(?:cny|usd|eur|hkd|rmb|人民币|美元|港币)\s*(?:变成|换成|变为|改成)了?\s*(?:cny|usd|eur|hkd|rmb|人民币|美元|港币)"
)


def display_glitch(text: str) -> bool:
    """The balance read wrong for a moment and came back, or only its value moved with the coins
    all there: a bug report or a valuation question (other), not a loss."""
    norm = text_normalise(text)
    return bool(_DISPLAY_GLITCH_RE.search(norm) or _VALUE_ONLY_RE.search(norm))


# App content told gone (a watchlist, price alerts, settings) is a bug report, not a loss, unless
# money is named beside it.
_APP_CONTENT_RE = _compile(
    r"watch ?lists?|price alerts?|(?<![a-z])alerts|settings|preferences|favou?rites|layouts?|indicators|drawings|chat history|notes|"
    r"自选|列表|设置|提醒|收藏|指标|画线|聊天记录|偏好|"
    # The customer's own authenticator lost with a phone is app content too, unless a third party is named.
    r"authenticator|验证器|谷歌验证|google验证"
)
_CONTENT_LOST_RE = _compile(
    r"(?<![a-z])(?:gone|missing|disappeared|vanished|lost|wiped|erased|deleted|reset)(?![a-z])|没了|不见|消失|清空|空了|丢了|没有了|被删|重置"
)
_MONEY_NAMED_RE = _compile(
    r"(?<![a-z])(?:money|funds|coins|crypto|balance|assets|savings|holdings|portfolio|usdt|btc|eth|sol|tokens?)(?![a-z])|"
    r"资产|余额|资金|币|钱|(?<![a-z])u(?![a-z])"
)


def app_content_gone(text: str) -> bool:
    """What the customer lost is app content (watchlist, alerts, settings), and no money is named
    or the money is told intact beside it ("indicators gone, coins are fine")."""
    norm = text_normalise(text)
    return bool(
        _APP_CONTENT_RE.search(norm)
        and _CONTENT_LOST_RE.search(norm)
        and (not _MONEY_NAMED_RE.search(norm) or _STILL_THERE_RE.search(norm))
        and not _FOUL_RE.search(norm)
    )


def app_content_only(text: str) -> bool:
    """App content (not an authenticator) lost with the money told intact: a bug report, whatever
    security words the intact money adds."""
    norm = text_normalise(text)
    return bool(app_content_gone(text) and _STILL_THERE_RE.search(norm) and not _SECURITY_2FA_RE.search(norm))


def own_funds_gone(text: str) -> bool:
    """The customer's holdings are told gone or emptied, whatever the wording."""
    return bool(_OWN_FUNDS_GONE_RE.search(_set_aside(text_normalise(text))) or _ZERO_BALANCE_RE.search(text))


_OWN_TRANSFER_TOLD_RE = _compile(
    r"转出来|提出来|(?:链上|区块)(?:已经?)?(?:确认|成功)|(?<![a-z])confirm(?:ed|ations?)(?![a-z])|on[- ]chain"
)


def own_funds_gone_unexplained(text: str) -> bool:
    """Holdings told gone and no transfer of the customer's own named (a deposit not credited,
    a withdrawal in flight are their own categories). A transfer word the customer disowns
    ("balance 0，昨天还有 5 ETH，我没有 withdraw") names no transfer of theirs."""
    norm = text_normalise(text)
    if not own_funds_gone(text):
        return False
    return bool(
        _DISOWN_RE.search(norm) or not (_TRANSFER_WORD_RE.search(norm) or _OWN_TRANSFER_TOLD_RE.search(norm))
    )


def loss_elsewhere(text: str) -> bool:
    """The loss told is another person's and the customer asks about their own side."""
    norm = text_normalise(text)
    return bool(_OTHER_VICTIM_RE.search(norm) and _OWN_SIDE_RE.search(norm))


def _refused_requests_removed(norm: str) -> str:
    """The text without what the customer was asked to do, when they say they refused."""
    return _REQUESTED_RE.sub(" ", norm) if _REFUSED_RE.search(norm) else norm


def loss_told(text: str) -> bool:
    """True when any word says money left or was lost, or names another person at work on the
    account (a weak signal: it only lets the model's own theft answer stand). What the customer
    was only asked to do is not a loss."""
    aside = _set_aside(text_normalise(text))
    if _REFUSED_RE.search(aside):
        aside = _REQUESTED_RE.sub(" ", aside)
    return bool(
        _LOSS_RE.search(aside)
        or _OUTFLOW_RE.search(aside)
        or _THIRD_PARTY_RE.search(aside)
        or _OWN_FUNDS_GONE_RE.search(aside)
    )


# A takeover done: a third party changed the account's login e-mail, phone, password or 2FA, or
# logged in and bound their own. The issue counts a taken-over account as theft even while the
# assets are still inside (the customer is locked out and the intruder can move them at will).
_TAKEOVER_RE = _compile(
    # The account's keys now a stranger's, told with the account as subject ("号被人接管了",
    # "账户被改了 login password", "2fa被别人换了绑定", "手机号全是对方的"): the three round-9b writers.
    r"被(?:人|别人|黑客|对方|陌生人)?接管|(?:账号|账户|帐号|号)被(?:人|别人|黑客|对方|陌生人)?(?:改|换|修改|重置)了?\s*"
    r"(?:登录)?\s*(?:密码|邮箱|手机号?|0fa|谷歌验证器?|绑定|login password|password|email)|"
    r"(?:0fa|谷歌验证器?|邮箱|手机号?|密码)[^，。,]{0,3}被(?:别人|陌生人|黑客|对方)(?:换|改|重置|解绑)|"
    r"(?:邮箱|手机号?|谷歌验证器?|0fa)[^。!?！？]{0,16}(?:全|都)?(?:是|变成了?)(?:对方|别人|黑客|陌生人)的|"
    r"(?:登录)?手机号不是我的了|(?<![a-z])hackers? (?:改|换|重置)了?我的|"
    r"some(?:one|body) (?:turned on|set up|enabled|added) (?:a )?(?:new )?(?:authenticator|0fa)|"
    r"(?:对方|黑客|骗子|别人|有人|陌生人|他们?|她)[^，。,]{0,4}(?:改|换|修改|重置|解绑|绑定?|绑了)(?:了|成)?(?:他的|她的|我的)?\s*"
    r"(?:登录|绑定的?|注册)?\s*(?:邮箱|手机号?|密码|email|e-mail|phone|password|0fa|谷歌验证器?|验证器|authenticator)|"
    r"被(?:人|别人|陌生人|黑客)登(?:录|陆|入)(?:后|之后|以后|了以后)[^，。,]{0,8}(?:改|换|绑|解绑)|"
    # Done, not tried: "someone tried to reset my password" is an attempt (security).
    r"(?<![a-z])(?:they|he|she|the hacker|the attacker|the scammer|the intruder|hackers?|some(?:one|body)(?: else)?|a stranger|"
    r"(?:an? |some )?unknown (?:person|people|user|party|individual)|a third party)"
    r"(?: (?:logged in|got in|broke in|got into my (?:account|acc))(?: and| then)?)?"
    r"(?: (?:also|then|just|already|even|somehow|had|has|have))? (?:changed?|reset|switched|replaced|removed|disabled|turned off|added (?:their|his|her) own)"
    r" (?:my |the )?(?:registered |login |account )?(?:e-?mail|phone|number|password|0fa|authenticator|google auth)|"
    r"(?:locked|kicked|shut) me out of my (?:own )?(?:account|acc)|"
    # A wallet's keys or permissions taken (a malicious multisig): the assets sit there, no longer theirs.
    r"被(?:人|别人|黑客|骗子)?(?:恶意)?多签|(?:权限|所有权|owner)\s*被(?:人|别人|黑客)?(?:改|修改|篡改|转移|更改)|"
    r"(?:permissions?|ownership|owner) (?:was|were|got|has been|have been) (?:changed|transferred|taken|replaced)|"
    # Round 10: a stranger logged in and changed something, told with a comma between ("账户被别人登录，
    # 改了nickname和email"); two credentials changed together ("密码和email都被改了"); every
    # credential new ("New email, new phone, new 2FA"); the account told as no longer the customer's.
    # In the writers' rows each of these is theft every time (36 rows), assets intact or not.
    r"被(?:人|别人|陌生人|黑客)登(?:录|陆|入|上去)了?[^。.!?]{0,12}(?:改|换|绑|解绑)了?|"
    r"(?:密码|邮箱|email|手机号?|0fa|谷歌验证)(?:和|、|跟|,|&| and )(?:密码|邮箱|email|手机号?|0fa|谷歌验证)(?:都|也|全)?被(?:人|别人)?(?:改|换)|"
    r"new (?:e-?mail|phone|number|0fa|password|authenticator)[,.]? new (?:e-?mail|phone|number|0fa|password|authenticator)[,.]? (?:and )?new (?:e-?mail|phone|number|0fa|password|authenticator)|"
    r"some(?:one|body) (?:has|had|got|now has) (?:full )?(?:control|access) (?:of|to|over) my (?:account|acc)|"
    r"(?:account|acc) (?:is not|isn'?t) mine any ?more|recovery (?:e-?mail|phone)[^.!?]{0,20}(?:now )?points? to"
)


# The credentials changed, told in the passive ("my account's email was changed"): a takeover
# when the customer is now locked out or a stranger, a phishing link or a disowning is told.
_CREDENTIALS_CHANGED_RE = _compile(
    r"(?:account'?s?|login|registered|my|the) (?:e-?mail|password|phone number|0fa|authenticator)(?: address)?"
    r" (?:was|got|has been|had been|were) (?:changed|switched|replaced|removed|disabled)(?! by me)|"
    r"(?:邮箱|手机号?|密码|谷歌验证器?|绑定的?(?:邮箱|手机))(?:已经|都)?被(?:改|换|修改|重置|解绑)"
)


# Issue #6, round 11: a takeover told with the login lost and the assets (probably) still inside.
# The credential words, and a list of them changed together with no "I" before ("密码手机号全改了",
# "email 跟 google auth 都改掉了", "Password changed, phone number changed").
_CRED = (
    r"(?:登录|绑定的?|注册)?(?:密码|邮箱|手机号?(?:码)?|0fa|谷歌验证器?|谷歌|验证器|email|e-mail|phone(?: number)?|"
    r"password|google auth(?:enticator)?|authenticator)"
)
_CREDS_CHANGED_RE = _compile(
    rf"{_CRED}(?:\s*(?:和|跟|同|与|及|、|,|&|and)?\s*{_CRED})+\s*(?:也|都|全|全部|通通)?\s*"
    r"(?:被(?:人|别人|黑客|对方)?)?(?:给)?(?:改|换|修改|重置)(?:了|掉|咗)|"
    rf"{_CRED} (?:was |got |has been )?(?:changed|reset|replaced|swapped)[,;.]? (?:and )?(?:my |the )?{_CRED}"
    r" (?:was |got |has been )?(?:changed|reset|replaced|swapped)"
)
# The customer changed them or asks whether to (a precaution): "我已经把密码和邮箱都改了".
_OWN_CHANGE_RE = _compile(
    r"(?<![他她人客方])把|要不要|怎么|should i|(?<![a-z])i(?:'ve| have)? (?:already |just )?(?:changed|reset)"
)
# A stranger's keys in the account: API keys or a withdrawal whitelist address the customer never
# made ("API keys created that I never made", "多了几个我没创建的API key").
_STRANGER_KEYS_RE = _compile(
    r"(?:api ?keys?|白名单|whitelist)[^.。!?！？]{0,40}(?:i never|i didn'?t|i did not|not (?:by )?me|not mine|"
    r"没(?:有)?(?:创建|建|开|加|添加|设置)|不是我)|"
    r"(?:我)?(?:没(?:有)?(?:创建|建|开|加|添加|设置)(?:过)?的|(?:i )?never (?:made|created|added))[^.。!?！？，,]{0,12}(?:api ?keys?|白名单|whitelist)|"
    r"(?:他|她|对方|黑客|hacker|attacker|they|someone)[^.。!?！？]{0,12}(?:开了|建了|创建了|加了|添加了|created|added|made)[^.。!?！？]{0,12}"
    r"(?:api ?keys?|白名单|whitelist)"
)
# The account told stolen or hacked outright, the account as subject ("账号被人盗了", "my account
# got hacked", "Hacker took over my account"); a hedge or a report of someone else's words in the
# same clause ("好像被盗了", "邮件说我的账户被盗了") leaves it a suspicion.
_ACCOUNT_STOLEN_RE = _compile(
    r"(?:账号|账户|帐号|号|account|acc)\s*(?:让|给|被|俾)(?:人|别人|黑客|陌生人|骗子)?\s*(?:给)?\s*(?:盗|黑|hack)|"
    r"(?:my )?(?:account|acc) (?:was|got|has been|have been|is|'s) (?:hacked|taken over|stolen|hijacked)|"
    r"(?:took|has taken|have taken|taken) over my (?:account|acc)|hijacked my (?:account|acc)"
)
_CHANGE_STOPPED_RE = _compile(
    r"拦截|阻止|取消了|撤销了|收到[^，。,]{0,10}(?:邮件|短信|通知)|(?<![a-z])(?:blocked|cancell?ed|stopped|rejected)(?![a-z])|"
    r"(?:got|received) an? (?:e-?mail|sms|notification|alert)"
)
_NOT_THIS_ACCOUNT_RE = _compile(
    r"e-?mail|gmail|outlook|邮箱|brother|sister|friend|'s |朋友|家人|别人的|其他|other|binance|币安|okx|twitter|telegram|微信"
)
_CRED_CHANGED_LOOSE_RE = _compile(
    rf"{_CRED}[^，。,.]{{0,4}}(?:也|都)?(?:变了|改了|换了|被改|被换)|{_CRED} (?:was |got |has been )?(?:changed|reset|replaced|swapped)"
)
_HEDGE_RE = _compile(
    r"好像|可能|是不是|是否|会不会|担心|怕|如果|万一|疑似|怀疑|说|称|通知|提醒|吗|？|\?|"
    r"maybe|might|whether|(?<![a-z])if(?![a-z])|afraid|worried|says?|saying|claim|think|suspect|could"
)
_STRANGER_PUT_RE = _compile(
    rf"(?:对方|黑客|骗子|别人|有人|陌生人|他们?|她)[^。!?！？]{{0,20}}把[^，。,]{{0,6}}{_CRED}[^，。,]{{0,4}}(?:改|换|解绑|重置)"
)


def _clause_at(norm: str, start: int, end: int) -> str:
    """The clause around a match (between punctuation marks)."""
    left = max(norm.rfind(p, 0, start) for p in "，。,.!！;；") + 1
    rights = [i for i in (norm.find(p, end) for p in "，。,.!！;；") if i >= 0]
    return norm[left : min(rights) if rights else len(norm)]


def _takeover_told(norm: str) -> bool:
    for m in _ACCOUNT_STOLEN_RE.finditer(norm):
        if not (
            _HEDGE_RE.search(_clause_at(norm, m.start(), m.end()))
            or _NOT_THIS_ACCOUNT_RE.search(norm[max(0, m.start() - 12) : m.end()])
            or _OTHER_VICTIM_RE.search(norm[max(0, m.start() - 12) : m.end()])
        ):
            return True
    for m in _CREDS_CHANGED_RE.finditer(norm):
        clause = _clause_at(norm, m.start(), m.end())
        # Without 被 or a stranger, "手机号和邮箱都换了" may be the customer's own change: it is a
        # takeover only beside a word of foul play or a disowning.
        if not (_OWN_CHANGE_RE.search(clause) or _HEDGE_RE.search(clause)) and (
            "被" in m.group(0) or _FOUL_RE.search(norm) or _DISOWN_RE.search(norm)
        ):
            return True
    if any(
        not re.search(r"怎么|如何|要不要|想|能不能|可以", m.group(0)) for m in _STRANGER_PUT_RE.finditer(norm)
    ):
        return True
    # A stranger's API key or whitelist address alone, the balance intact, is security to the
    # writers (five rows): a takeover when the login is lost or a credential changed beside it. A
    # change request e-mailed and stopped ("收到修改提币白名单的邮件 … 拦截了") is a suspicion.
    return bool(
        _STRANGER_KEYS_RE.search(norm)
        and not _CHANGE_STOPPED_RE.search(norm)
        and (_LOGIN_FAILS_RE.search(norm) or _CRED_CHANGED_LOOSE_RE.search(norm))
    )


def account_taken_over(text: str) -> bool:
    """A third party changed the account's credentials: a takeover, theft even with assets inside.
    Not in a hypothetical or a worry ("如果别人改了我的密码…")."""
    norm = _set_aside(text_normalise(text))
    if _TAKEOVER_RE.search(norm) or _takeover_told(norm):
        return True
    return bool(
        _CREDENTIALS_CHANGED_RE.search(norm)
        and (_LOGIN_FAILS_RE.search(norm) or _FOUL_RE.search(norm) or _DISOWN_RE.search(norm))
    )


@lru_cache(maxsize=256)
def theft_suspected(text: str) -> bool:
    """True when the message reports assets lost or an account taken over (broad on purpose)."""
    norm = text_normalise(text)
    if account_taken_over(text):
        return True
    # Setting clauses aside only removes text, so a message with no hit at all (most of them)
    # needs neither the set-aside pass nor the exceptions.
    if not _theft_hit(norm):
        return False
    return _theft_in(_set_aside(norm), norm)


@lru_cache(maxsize=256)
def _theft_word(norm: str) -> bool:
    return bool(_THEFT_RE.search(norm))


@lru_cache(maxsize=256)
def _theft_hit(norm: str) -> bool:
    """Any branch of the theft net matches (before the exceptions)."""
    return bool(
        _theft_word(norm)
        or (_LOSS_RE.search(norm) and _FOUL_RE.search(norm))
        or ((_OUTFLOW_RE.search(norm) or _OWN_FUNDS_GONE_RE.search(norm)) and _DISOWN_RE.search(norm))
        or (_PAID_RE.search(norm) and _VANISHED_RE.search(norm))
    )


_VICTIM_RE = _compile(
    r"(?:i|i'?ve|i have|we|we'?ve) (?:have )?(?:been|was|were|got|just got) (?:scammed|hacked|robbed|drained|phished|defrauded|conned)|"
    r"(?:我|本人)(?:已经)?被(?:人)?(?:骗|盗|黑|偷)"
)


@lru_cache(maxsize=256)
def _theft_in(norm: str, full: str | None = None) -> bool:
    """The theft net over `norm` (the text with set-aside clauses removed); the exceptions that
    say nothing was lost or ask for advice are read on the `full` text."""
    full = norm if full is None else full
    if _STILL_THERE_RE.search(full) or _VALUE_ONLY_RE.search(full):
        return False
    if _OTHER_VICTIM_RE.search(full) and _OWN_SIDE_RE.search(full):
        return False
    if (_OUTFLOW_RE.search(norm) or _OWN_FUNDS_GONE_RE.search(norm)) and _DISOWN_RE.search(norm):
        return True
    if _INTACT_RE.search(full):
        return False
    if _SECURITY_ADVICE_RE.search(full) and not _VICTIM_RE.search(norm):
        # A hardening question, unless the customer says they were the victim ("I have been
        # scammed … he asked me to move it to a new wallet for safety").
        return False
    hit = (
        _theft_word(norm)
        or (_LOSS_RE.search(norm) and _FOUL_RE.search(norm))
        # A P2P counterparty who took the money and went quiet is a trading dispute, not theft.
        or (
            _PAID_RE.search(_refused_requests_removed(norm))
            and _VANISHED_RE.search(norm)
            and not _P2P_RE.search(norm)
        )
    )
    # The exceptions run only on a hit: most messages are not theft, and this keeps them cheap.
    if not hit or _in_transit(norm):
        return False
    return not (
        (_SELF_INFLICTED_RE.search(norm) and not _stranger_hand(norm) or _market_only(norm))
        and not _MALWARE_RE.search(norm)
    )


# A deposit or withdrawal the customer made that has not shown up ("充值的币不见了，链上显示成功",
# "withdrew to my ledger, coins missing, explorer shows pending") is money in flight: no third
# party, so deposit or withdrawal, unless a hack, scam or stranger is named.
_TRANSFER_WORD_RE = _compile(
    r"充值|充币|充了|充进|存入|存进|存了|入金|提现|提币|提了|提到|出金|转出去|转过来|转进|转入|(?<![a-z])(?:sent|transferred|paid|bought)(?![a-z])|(?<![a-z])(?:deposit(?:ed|ing)?|withdr[ae]w(?:al|n|ing)?|topped up)(?![a-z])|"
    r"(?:sent|transferred|moved)[^.!?]{0,25} from (?!my account)|从[^，。,!?！？]{0,10}(?:转|提)(?:过来|到你们)"
)
_CHAIN_STATUS_RE = _compile(
    r"链上|区块|浏览器|确认数|(?<![a-z])(?:tx ?hash|txid|tx id|transaction (?:hash|id))(?![a-z])|交易哈希|哈希|"
    r"(?:已|没|未)到账|不到账|没显示|不显示|没入账|未入账|显示成功|显示已完成|pending|"
    r"on[- ]?chain|explorer|confirm(?:ed|ations?)|not (?:credited|showing|arrived|received|reflected)|"
    r"(?:doesn'?t|does not|isn'?t|is not|didn'?t|did not|hasn'?t|has not) (?:show|appear|arrive|get credited)|"
    r"not in my (?:account|balance|wallet)|still processing|还在确认|还没到|一直没到|"
    # Round 12: what a sale or an airdrop has not handed out ("中签了，但是币一直没发到帐户").
    r"(?:没|未)(?:有)?(?:发放|派发|分发|发到(?:账|帐|我))|(?:not|never) (?:been )?(?:distributed|airdropped)|"
    # The sending side's own status ("it shows success", "Binance says completed").
    r"(?:shows?|showing|says|said|status(?: is)?|marked(?: as)?) (?:success(?:ful)?|succeeded|completed?|sent|done|finished)(?![a-z])|"
    r"still (?:not|hasn'?t|haven'?t|isn'?t) (?:here|there|in|arrived|come|shown|appeared)|not here yet|hasn'?t (?:come|shown)|"
    r"never (?:got )?(?:credited|arrived|showed up|landed|appeared|reflected|came|reached|hit)|(?:have|has)(?: not|n'?t) (?:appeared|arrived|landed|shown up)"
)
_FOUL_STRICT_RE = _compile(
    # A swapped SIM, a link clicked or a copy of the site is a third party's way in ("My SIM was
    # swapped … 2 BTC withdrawn", "clicked a link from an email 'your withdrawal is pending'").
    r"sim[- ]?swap|(?<![a-z])sim (?:was |got |has been )?swapped|swapped my sim|clicked (?:on )?(?:a|the|that|this|an) (?:[a-z]+ )?link|"
    r"mirror (?:of|site)|look-?alike|copy of your (?:site|website|page|app)|"
    r"hack|黑客|被黑|盗|偷|被人|scam|骗|stole|steal|phish|钓鱼|unauthori|fake|假|冒充|impersonat|fraud|not me(?![a-z])|wasn'?t me(?![a-z])|不是我|"
    r"陌生|不认识|some(?:one|body)(?! (?:to |please |pls )?(?:look|help|check|answer|reply|respond|explain|investigate|credit|fix|review|escalate))|有人|别人|stranger|malware|virus|木马|病毒|drain|授权|approv|sign(?:ed)? (?:a|an|the|some)"
)


# The other side of a paid scam went quiet: not money in flight.
_COUNTERPARTY_GONE_RE = _compile(
    r"blocked me|ghosted|stopped (?:replying|responding|answering)|can'?t reach (?:him|her|them)|number is dead|ran off|"
    r"卷款|跑路|联系不上|拉黑|不回(?:我|消息)|找不到(?:他|她|人)|跑了|删了我|把我删了|"
    r"pretend|posing|claim(?:ed|ing|s)? to be|自称|冒充|假的?(?:客服|官方|平台|网站)"
)


def _in_transit(norm: str) -> bool:
    return bool(
        _TRANSFER_WORD_RE.search(norm)
        and _CHAIN_STATUS_RE.search(norm)
        and not _FOUL_STRICT_RE.search(norm)
        and not _COUNTERPARTY_GONE_RE.search(norm)
    )


def in_transit(text: str) -> bool:
    """True when the customer's own deposit or withdrawal has not shown up and no third party,
    hack or scam is named: deposit or withdrawal, not theft."""
    return _in_transit(_set_aside(text_normalise(text)))


def _stranger_hand(norm: str) -> bool:
    """A stranger acted on the account. Not any disowning: "币提到了一个不是我的地址" owns the paste."""
    return bool(_STRANGER_HAND_RE.search(norm))


def self_inflicted(text: str) -> bool:
    """True when the customer says they made the mistake (wrong address, wrong network) and no
    malware, hack, scam or stranger's hand on the account is told."""
    norm = text_normalise(text)
    return bool(_SELF_INFLICTED_RE.search(norm) and not _MALWARE_RE.search(norm) and not _stranger_hand(norm))


# Greetings open messages of every category, so the model learnt them as noise; a message made
# of nothing else ("你好，在吗") has no topic yet and is "other", not whatever the noise leans to.
# Not 客服/support: "客服在吗" asks for a human, which the issue files under service_feedback.
_GREETING_RE = _compile(
    r"你好|您好|哈喽|哈啰|嗨|在吗|在不在|有人吗|有人在吗|请问|麻烦|谢谢|好的|收到|嗯|明白了?|知道了|"
    r"hello|hi|hey|hiya|good (?:morning|afternoon|evening)|anyone (?:there|here)|team|thanks?|thx|pls|please|ok(?:ay)?|got it|cool|"
    r"[\s,.!?~，。！？、…:：;；]"
)


def greeting_only(text: str) -> bool:
    """True when the message holds greetings and punctuation and nothing else."""
    norm = text_normalise(text)
    return bool(norm) and not _GREETING_RE.sub("", norm)


_FROZEN_RE = _compile(
    r"冻结|锁定|被锁|封号|被封|限制登录|停用|禁用|封禁|(?<![a-z])(?:freeze|frozen|lock|locked|suspend|suspended|restricted|restrict|disabled)(?![a-z])"
)


# "冻结 0.00" / "Frozen: 0" on a pasted balance screen is a column label, not a frozen account
# (numbers are folded to 0 by text_normalise); "冻结 3 天" is still a frozen account.
_FROZEN_LABEL_RE = _compile(
    r"(?:冻结|冻结中|冻结资产|冻结金额|frozen|locked|in orders?)\s*[:：]?\s*0(?![0-9]|\s*(?:天|小时|个?月|周|年|days?|hours?|weeks?|months?))"
)


# Round 12: a lock or freeze the customer asks for ("can you lock it for now?", "帮我冻结一下") is a
# precaution they want taken, not an account the platform froze.
_FREEZE_ASKED_RE = _compile(
    r"(?:can|could|would|will) (?:you|u) (?:please |pls |just |temporarily )?(?:lock|freeze|suspend|disable)(?![a-z])|"
    r"(?:please|pls|plz|need to|want to|want you to|need you to|how (?:do|can) i) (?:temporarily )?(?:lock|freeze|suspend|disable)(?![a-z])|"
    r"(?:帮|给)我(?:先)?(?:把[^，。,!?！？]{0,6})?(?:暂时)?(?:冻结|锁定|锁住|锁)|请(?:立即|马上|立刻|先|帮我)?(?:暂时)?(?:冻结|锁定)|(?:我想|我要|想要|能不能|可不可以|可以)(?:先)?(?:暂时)?(?:冻结|锁定|锁住)"
)


def account_frozen(text: str) -> bool:
    """The account is frozen, locked or restricted (account_login when nothing is lost)."""
    norm = _FROZEN_LABEL_RE.sub(" ", text_normalise(text))
    return bool(_FROZEN_RE.search(norm) and _FROZEN_RE.search(_FREEZE_ASKED_RE.sub(" ", norm)))


# An advance-fee scam: a stranger offers to unfreeze, unlock or recover the account or funds if
# the customer pays first. Fee words pull the model to "fees", but it is a scam attempt.
_ADVANCE_FEE_OFFER_RE = _compile(
    r"(?:解冻|解封|解锁|解除限制|找回|追回|恢复|unfreeze|unfrozen|unlock|unblock|recover|release|restore|get back)"
    r"[^。！？!?]{0,40}(?:手续费|费用|解冻费|保证金|服务费|押金|先付|先转|先交|先打|付款|(?<![a-z])fees?(?![a-z])|pay|payment|deposit first|upfront)|"
    r"(?:手续费|费用|解冻费|保证金|服务费|押金|(?<![a-z])fees?(?![a-z])|pay|payment|upfront)"
    r"[^。！？!?]{0,40}(?:解冻|解封|解锁|找回|追回|unfreeze|unlock|unblock|recover|release|restore)"
)
_OFFERED_BY_STRANGER_RE = _compile(
    r"有人|有个|群里|陌生人|骗子|对方|自称|冒充|网友|说能|说可以|"
    r"some(?:one|body|guy)|a guy|a man|a woman|stranger|scammer|(?:recovery|support) (?:agent|expert|guy)|hacker|"
    r"telegram|(?<![a-z])tg(?![a-z])|whatsapp|discord|wechat|微信|电报|offered|claim(?:ed|ing|s)? to be|posing|fake|impost[oe]r|假"
)


def advance_fee_offer(text: str) -> bool:
    """A stranger asks for a fee to unfreeze, unlock or recover something: a scam attempt."""
    norm = text_normalise(text)
    return bool(_ADVANCE_FEE_OFFER_RE.search(norm) and _OFFERED_BY_STRANGER_RE.search(norm))


# A scam the customer paid into (fake support, a giveaway, a romance or "investment platform", a
# task job, a fake P2P payment): they sent the money themselves, so the own-transfer and
# self-inflicted guards read it as their own move, but the issue counts "funds sent to someone
# posing as support" as theft: the assets are lost to a third party. Two signs together: a scam
# named, and money told as already paid (not only asked for, not refused).
_SCAM_RE = _compile(
    r"scam|fraud|(?<![a-z])fake|giveaway|get it doubled|double (?:it|my)|doubled|tinder|dating (?:app|site)|"
    r"romance|pig ?butcher|posing as|pretend(?:ed|ing) to be|claim(?:ed|ing) to be|impersonat|ponzi|自称|"
    # A role in quotes is one the customer now knows was false ("the 'support agent'").
    r"['\"‘“](?:the |your )?(?:support|support agent|agent|admin|customer service|official|staff|hr|broker|advisor|manager)['\"’”]|"
    r"(?:investment|trading|mining|liquidity|staking) (?:platform|pool|site|app|group|mentor|dapp)|"
    r"(?:pay|paid) (?:a |the )?['\"]?tax|(?:tax|fee|deposit)['\"]? before (?:i|we) (?:can )?withdraw|"
    r"team rugged|rugged|rug ?pull(?:ed)?|(?:the )?site (?:is )?(?:gone|offline)|doesn'?t exist|"
    r"骗|诈骗|杀猪盘|刷单|兼职|网恋|网上认识|网友|假的?[^，。,!?！？]{0,4}(?:客服|平台|app|网站|交易所|官方|截图|付款|转账|凭证)|冒充|"
    r"(?:交|缴)(?:了)?(?:税|个税|解冻费|保证金)|解冻费|截图是p的|资金盘|投资平台|理财平台|带单|导师|"
    # A role or scheme in scare quotes is one the customer now knows was false ("the 'bank
    # manager'", "a 'crypto mentor'", "那个“官方客服”", "一个“区块链养老项目”").
    # Whole words: "cannot be credited - unsupported network" quotes an error, not a role; a bank or
    # a wallet in quotes is a button or a message more often than a scheme.
    r"['\"‘“「][^'\"’”」.!?]{0,24}(?<![a-z])(?:support|agent|admin|official|staff|manager|advis[eo]r|consultant|mentor|coach|"
    r"buyer|seller|broker|recruiter|teacher|expert|desk|team|bot|platform|project|mining|investment)(?![a-z])[^'\"’”」]{0,12}['\"’”」]|"
    r"['\"‘“「][^'\"’”」]{0,24}(?:客服|官方|经理|导师|老师|顾问|专员|项目|平台|机器人|买家|卖家)[^'\"’”」]{0,12}['\"’”」]|"
    r"safe(?:ty)? (?:wallet|account|address|vault)|secure (?:wallet|account|vault) (?:they|he|she)|安全(?:账户|钱包|地址)|"
    r"(?:realis|realiz|found out|turn(?:s|ed)? out|now (?:i )?(?:see|know))[^.!?]{0,30}(?:scam|fraud|fake|not (?:you|yours|real|official))|"
    r"(?:it|this|that|all) (?:was|had been) (?:a |all a )?(?:scam|fraud)|(?:job|task) (?:offer|scam)|unlock (?:the |more )?tasks|"
    r"(?:he'?s|she'?s|they'?re|he is|she is|they are) (?:gone|vanished)|no longer (?:answers|replies|responds)|"
    r"(?:blocked|ghosted) me|根本不存在|拉黑(?:了)?我|跑路|(?:假|伪造)的?[^，。,!?！？]{0,4}(?:screenshot|凭证|回单|付款|转账|截图)|"
    r"fake (?:bank |payment )?(?:screenshot|receipt|proof|confirmation)"
)
_GONE_AFTER_RE = _compile(
    r"(?:funds|money|coins|crypto|usdt|eth|btc|everything|it|they) (?:is |are |were |was )?(?:now |all |then )?(?:gone|vanished|disappeared)(?![a-z])(?! ?\?)|"
    # Round 12: the balance told zero after it ("Now my account has zero balance", "现在余额是0").
    r"(?:account|wallet|balance) (?:now )?(?:has|shows?|is) (?:now )?(?:a )?(?:zero|0)(?: balance)?(?![.,:0-9a-z])|(?<![a-z])zero balance|"
    # "I'm out 1,200": the sum is lost.
    r"(?<![a-z])i'?m (?:now )?out (?:of )?(?:about |around |almost )?[$£€]?0(?![0-9]|[.,][0-9])|"
    r"余额[^，。,!?！？]{0,4}(?:是|变成|变为|只剩|成了|显示)\s*(?:0|零)(?![.0-9])"
)
_SCAM_REALISED_RE = _compile(
    r"(?:realis|realiz|found out|turn(?:s|ed)? out|now (?:i )?(?:see|know)|发现|才知道|原来)[^.!?。！？]{0,30}(?:scam|fraud|fake|not (?:you|yours|real|official)|骗|诈骗|假的)|"
    r"(?:it|this|that|all) (?:was|had been) (?:a |all a )?(?:scam|fraud)"
)
# The counterparty who never paid the customer ("he never paid me") is not the customer refusing to pay.
_THEY_DID_NOT_PAY_RE = _compile(
    r"(?:he|she|they|buyer|seller|对方|买家|卖家)\s*(?:never|didn'?t|did not|has not|hasn'?t|still hasn'?t)\s*(?:paid|pay|sent|send)(?: me)?"
)
_PAID_ALREADY_RE = _compile(
    r"(?<![a-z])(?:i|we) (?:already |just |then |have |had |also )?(?:sent|paid|transferred|released|deposited|invested|put|topped up)(?![a-z])|"
    r"(?:sent|paid|transferred|released|invested) (?:him|her|them|it|0|all|everything|my|the)|"
    r"so i (?:sent|paid|released|transferred)|i'?ve (?:sent|paid|transferred|invested)|"
    r"转了|转给了?|转过去|付了|交了|缴了|打了|充了|充值了|投了|放币了|放了币|就放币|汇了|打给了?|给了(?:他|她|对方)|前后转|"
    # The move made on a stranger's word ("i moved 2.1 eth", "he did, 0.6 btc", "i've put in
    # 1,740 usdt", "我放了 3,000 usdt"): the money left, whatever the verb.
    r"(?<![a-z])(?:i|we) (?:then |also |just )?(?:moved|put in|topped up)(?![a-z])|i'?ve put in|(?:i|we|he|she|they) had to (?:top up|pay|send|deposit)|"
    r"(?<![a-z])(?:he|she|they|dad|mum|mom) did(?:,| so| and| it)|"
    # Round 12: the move the caller had the customer make ("they had me move 7k USDT to a 'safe vault'").
    r"(?:had|made|got) me (?:to )?(?:move|send|transfer|pay|deposit|withdraw|put)(?![a-z])|"
    # "让我转了 200u": made to pay, done; "he asked 500 more": a further sum after one paid.
    r"(?:让|叫|要)我(?:先)?(?:转|付|交|打|充)了(?!吗)|(?:asked|wanted|demanded|asks|wants|demands) (?:me )?(?:for |to (?:pay|send|transfer|deposit) )?(?:another )?0(?: [a-z]{1,5})? more|"
    # Talked into it: "they convinced me to deposit … 5000 USDT" tells the deposit made.
    r"(?:convinced|persuaded|talked|tricked|lured|pressured) (?:me|him|her|them) (?:in)?to (?:move|send|transfer|pay|deposit|invest|put)(?![a-z])|(?:^|[.!?,] )sent (?:0|my|all|[a-z]{2,5} to)|我放了|放了\s*0|买了[^，。,!?！？]{0,4}转(?:出去|走|给)"
)
_NOT_PAID_RE = _compile(
    r"(?:didn'?t|did not|never|haven'?t|have not|hasn'?t|won'?t|not going to) (?:yet )?"
    r"(?:send|sent|pay|paid|transfer|transferred|release|released|invest|invested|do it)|"
    r"没(?:有)?(?:转|付|交|打|充|放)|还没(?:有)?(?:转|付|交|打|充|放|退)|(?:should|shall|can|do) i (?:send|pay|release|transfer)|"
    r"要不要(?:转|付|交|打|充|放)|该不该|before i (?:send|pay|release)|差点|差一点|险些|(?<![a-z])(?:almost|nearly)(?![a-z])"
)


def scam_paid(text: str) -> bool:
    """The customer paid into a scam: a scam named and money already sent, not refused."""
    full = text_normalise(text)
    norm = _set_aside(full)
    # A realisation told after the move ("now i realize it was a scam") is no figure of speech:
    # the scam is read on the whole text, the payment on what is left after setting clauses aside.
    if not (_SCAM_RE.search(norm) or _SCAM_REALISED_RE.search(full)):
        return False
    if _NOT_PAID_RE.search(_THEY_DID_NOT_PAY_RE.sub(" ", norm)):
        return False
    if _OTHER_VICTIM_RE.search(norm) and _OWN_SIDE_RE.search(norm):
        return False
    # Paid, or the money told gone after the scam ("told by 'support' to move my funds …, funds now gone").
    return bool(
        _PAID_ALREADY_RE.search(_REQUESTED_RE.sub(" ", norm))
        or _OWN_FUNDS_GONE_RE.search(norm)
        or _GONE_AFTER_RE.search(norm)
    )


# An outgoing transfer told as an event in the account ("有一笔withdrawal到 bc1p…", "there's a
# withdrawal of 9,870 TRX to T…", "two withdrawals I never made") ...
_TRANSFER_EVENT_RE = _compile(
    r"(?:有|多了|多出了?|出现了?|发现)\s*(?:一|两|几|0)?\s*笔\s*[^，。,!?！？]{0,8}?"
    r"(?:withdrawal|withdraw|transfer|提现|提币|提款|转账|转出|出金)(?!\s*(?:手续费|费|限额|地址|申请|验证码|邮件|短信|通知))|"
    r"(?:there'?s|there (?:is|was|were|are)|i (?:see|saw|found|noticed|can see)|(?:it |history |records? )?shows?|showing|appeared)"
    r" (?:an? |one |two |three |0 |some |several |multiple )?(?:new |unknown |strange |weird |random |outgoing )?"
    r"(?:withdrawals?|transfers? out|outgoing (?:transfers?|transactions?))(?! (?:fee|limit|address|request|code|email|e-mail|sms|otp|notification|option|button|page|setting|whitelist|lock|hold))|"
    r"(?<![a-z])(?:withdrawals?|transfers?) (?:of 0|to (?:an? |some )?(?:address|wallet|Ⓐ|t[a-z0-9]{2,}|0x|bc0))|"
    r"(?:withdrawal|提现|提币|转账)\s*(?:到|至)\s*(?:Ⓐ|[a-z0-9]{3,}|一个|陌生|别人)|"
    r"(?:记录|history|records?)[^，。,.!?！？]{0,6}(?:显示|shows?)[^，。,.!?！？]{0,4}(?:我)?(?:提|转)了|shows? a (?:send|withdrawal|transfer)|"
    r"(?:withdrawal|transfer) of 0 [a-z]{2,6} (?:was|were|has been) (?:made|sent|done|processed|confirmed)"
)
# ... which the customer disowns outright ("我完全不知道", "that I didn't make", "not me",
# "unauthorised"): money moved out by someone else, so theft, whatever transfer words surround it.
# Narrower than _DISOWN_RE: "I don't know why it's pending" is no disowning.
_DISOWN_STRONG_RE = _compile(
    r"(?:that|which|and) i (?:didn'?t|did not|never) (?:make|made|authori[sz]e|approve|initiate|request|do)(?![a-z])|"
    r"(?<![a-z])i (?:didn'?t|did not|never) (?:make|authori[sz]e|approve|initiate|request) (?:it|this|that|them|these|those|any)(?![a-z])|"
    r"not (?:made |done |initiated |authori[sz]ed |requested )?by me|(?:it|that|this) (?:was|is)(?:n'?t| not) me(?![a-z])|wasn'?t me(?![a-z])|"
    r"(?<![a-z])unauthori[sz]ed|(?:don'?t|do not) recogni[sz]e (?:it|this|that|the|these|those)|no idea (?:what|about) (?:it|this|that)|"
    r"不是我(?:本人)?(?:操作|做|提|发起|弄|转)?的?|非本人|(?:我|本人)(?:根本|完全|从来|压根|都|并)?没(?:有)?(?:操作|发起|授权|申请)(?:过)?|"
    r"(?:完全|根本|压根|一点都|全然|都)不知(?:道|情)(?=\s*(?:[，。,.!！?？~]|$|这|那|啊|呀|的|是))|不知情|没(?:有)?授权|"
    # An alibi for the moment it happened ("那个时间在飞机上 根本不可能操作", "i was on a plane").
    r"根本不可能(?:是我)?(?:操作|提|转)|(?:那个|那段)时间(?:我)?(?:在|正在)|"
    r"i was (?:asleep|sleeping|on (?:a|the) (?:plane|flight)|in (?:a|the) (?:meeting|hospital)|at work)|without my knowledge|"
    r"(?:send|withdrawal|transfer)s? i (?:didn'?t|did not|never) (?:do|make)|i (?:didn'?t|did not) (?:confirm|do) any ?thing"
)


def transfer_disowned(text: str) -> bool:
    """An outgoing transfer in the account that the customer disowns outright: theft, unless they
    say the assets are still there (then it is a suspicion, security)."""
    norm = _set_aside(text_normalise(text))
    return bool(
        _TRANSFER_EVENT_RE.search(norm)
        and _DISOWN_STRONG_RE.search(norm)
        and not _STILL_THERE_RE.search(norm)
    )


# Issue #6, round 11: funds already moved to a third party by what the customer signed or ran: a
# drainer contract, an approval or permit signature, a clipboard hijacker, address poisoning,
# malware ("revoked approvals too late, the contract already pulled 9,800 USDT", "中了剪贴板病毒，
# 复制的地址被替换了 … 进了 T…"). The customer's own click or paste is no self-made mistake here, and
# a revoke after the fact does not make it a hardening question.
_DRAIN_MEANS_RE = _compile(
    r"approv|allowance|permit|signature|setapprovalforall|transferfrom|spender|drainer|签名|签了|授权|"
    r"clipboard|剪贴板|剪切板|剪贴簿|address poison|投毒|lookalike|malware|virus|trojan|木马|病毒|恶意|malicious|hijack|"
    r"(?<!deposit )(?<!充值)(?<!充币)(?:地址|address)[^，。,.]{0,6}(?:被(?:偷偷)?(?:替换|换|改|篡改)|(?:was |got )?(?:swapped|replaced|changed))"
)
_DRAINED_RE = _compile(
    r"(?:contract|drainer|spender|dapp|hacker|attacker|scammer|合约|黑客|骗子)[^.。!?！？]{0,20}"
    r"(?:already |had |has |just |then |instantly |immediately )?(?:pulled|took|taken|drained|swept|sucked|moved|emptied|"
    r"transferred|stole|siphoned|transferfrom|抽走|转走|划走|拿走|提走|卷走|扫走|吸走)|"
    r"被[^，。,]{0,10}(?:抽|转|划|拿|提|偷|卷|扫|吸)走|(?:抽|划|卷|扫|吸)走(?:了|咗)|"
    r"(?:进|到|落)了?[^，。,]{0,8}(?:别人|陌生|对方|黑客|骗子|攻击者|Ⓐ|t[a-z0-9]{0,30}(?:…|\.\.\.)|0x|bc0)|"
    r"(?:went|ended up|landed|gone|sent|arrived) (?:[^.!?]{0,20} )?(?:to|in|at|into)[^.!?]{0,25}"
    r"(?:attacker|scammer|hacker|stranger|someone|unknown|their|Ⓐ|t[a-z0-9]{0,30}(?:…|\.\.\.)|0x|bc0)|"
    r"(?:wallet|account|funds?)[^.!?]{0,10}(?:was |got |been )?(?:drained|swept|emptied)|被\s*drain"
)


def drained_by_what_was_signed(text: str) -> bool:
    """Funds already taken by a drainer, an approval or signature, a clipboard hijacker, address
    poisoning or malware: theft, not a security question."""
    norm = text_normalise(text)
    # Read on the text with hypotheticals and worries set aside; the request that closes a report
    # ("能帮忙冻结吗", "can you flag the address?") is no reason to doubt the loss.
    aside = _set_aside(norm)
    if not _DRAIN_MEANS_RE.search(aside) or _STILL_THERE_RE.search(norm):
        return False
    # "我friend的wallet被drain了，我要怎么revoke…": another person's loss is their advice question.
    return any(
        not _OTHER_VICTIM_RE.search(aside[max(0, m.start() - 16) : m.end()])
        for m in _DRAINED_RE.finditer(aside)
    )


# Issue #6, round 12: a stranger who moved the money, told with the stranger as the subject of a
# completed move ("an unknown person changed my withdrawal whitelist and sent 0.9 ETH out", "有人把我的
# 账号绑了个新的提现白名单地址然后把币全提了"), or the account entered without consent and money
# withdrawn in the same sentence ("accessed without my consent … and 1,000 USDT was withdrawn").
# The transfer words had read as the customer's own withdrawal in flight, a question about the
# whitelist as hardening advice. Read with hypotheticals and attempts set aside ("tried to withdraw
# … blocked"), not beside the assets told intact, not another person's account.
_STRANGER_RE = _compile(
    r"有人|别人|陌生人|黑客|骗子|(?<![a-z])(?:some(?:one|body)(?: else)?|a stranger|the (?:hacker|attacker|intruder|thief|scammer)|"
    r"hackers?|an? (?:unknown|unauthori[sz]ed) (?:person|party|user|individual|third party))(?![a-z])"
)
_STRANGER_MOVED_RE = _compile(
    # zh: the stranger 把 the coins … moved ("有人…然后把币全提了", "黑客把我的U转走了").
    r"把[^。!?！？]{0,30}?(?:币|钱|资产|余额|资金|(?<![a-z])u(?![a-z])|usdt|usdc|eth|btc|trx|sol|bnb)[^，。,!?！？]{0,5}"
    r"(?:全部|全|都)?(?:提|转|卖|划|拿)(?:了|走|光|出去)|"
    # en: the stranger as subject of a done move, the money or "out" after it.
    r"(?<![a-z])(?:sent|withdrew|transferred|moved|took|drained|emptied|cashed out|swept)(?![a-z])[^.!?]{0,30}"
    r"(?:(?<![a-z])out(?![a-z])|(?<![a-z])away(?![a-z])|all|everything|my|0 [a-z]{2,5}(?![a-z]))"
)
_ENTERED_UNAUTHORISED_RE = _compile(
    r"(?:accessed|logged into|got into|entered|used) (?:[a-z ]{0,20})?without (?:my )?(?:consent|permission|knowledge|authori[sz]ation)"
    r"[^.!?]{0,80}(?:was|were|got|been) (?:withdrawn|transferred|sent|moved|taken)"
)
_MOVE_STOPPED_RE = _compile(
    r"拦截|拦下|阻止|(?<![a-z])(?:blocked|stopped|rejected|cancell?ed|prevented|failed)(?![a-z])|没(?:有)?成功|失败"
)


def stranger_moved_funds(text: str) -> bool:
    """A stranger moved the customer's money (told with the stranger as subject), or the account
    was entered without consent and money withdrawn: theft."""
    norm = _set_aside(text_normalise(text))
    # Most messages tell no move at all and no entry without consent: one gated search ends it.
    entered = "without" in norm and _ENTERED_UNAUTHORISED_RE.search(norm)
    if not (entered or (_STRANGER_MOVED_RE.search(norm) and _STRANGER_RE.search(norm))):
        return False
    if _STILL_THERE_RE.search(norm):
        return False
    for sentence in re.split(r"[.!?。！？\n]+", norm):
        if _MOVE_STOPPED_RE.search(sentence) or _OTHER_VICTIM_RE.search(sentence):
            continue
        if _ENTERED_UNAUTHORISED_RE.search(sentence):
            return True
        who = _STRANGER_RE.search(sentence)
        if who and _STRANGER_MOVED_RE.search(sentence[who.end() : who.end() + 90]):
            return True
    return False


_NOT_REQUESTED_RE = _compile(
    r"没(?:有)?(?:申请|请求)|(?:didn'?t|did not|never) (?:ask|apply) for|(?:didn'?t|did not|never) request(?:ed)?|not requested by me"
)


_ASSETS_SHOWN_RE = _compile(
    r"(?:can|could) (?:still )?see (?:my |all my |the )?(?:balance|funds|coins|assets|money)(?! (?:is|was|went|at|shows?|says|reads?)(?![a-z]))|"
    r"看得到|看得见|显示着|都显示"
)


def assets_shown(text: str) -> bool:
    """The customer can still see their assets (told intact or in view)."""
    norm = text_normalise(text)
    return bool(_STILL_THERE_RE.search(norm) or _ASSETS_SHOWN_RE.search(norm))


def disowned(text: str) -> bool:
    """The customer says they did not make or request what happened."""
    norm = text_normalise(text)
    return bool(_DISOWN_RE.search(norm) or _NOT_REQUESTED_RE.search(norm))


def assets_intact(text: str) -> bool:
    """True when the customer says outright that nothing was lost."""
    return bool(_STILL_THERE_RE.search(text_normalise(text)))


def theft_denied(text: str) -> bool:
    """True when the customer says the assets are still there (a suspicion, so security)."""
    norm = text_normalise(text)
    if _STILL_THERE_RE.search(norm):
        return True
    # "我啥都没点" beside "U全部被人转了" disowns a loss; it does not deny one.
    return bool(_INTACT_RE.search(norm) and not _OUTFLOW_RE.search(_set_aside(norm)))


# A plain information question (availability, how-to, hours, documents) opens with a question
# word and tells no trouble: the customer is not dissatisfied, whatever topic words the model
# saw beside complaints in training.
_INFO_QUESTION_RE = _compile(
    r"^(?:(?:hi|hello|hey|请问|你好|您好)[,，!！.。 ]*)*(?:请问)?\s*(?:你们|贵平台|贵司)?\s*"
    r"(?:is|are|do|does|can|could|will|would|what|when|where|which|who|how|有没有|是否|支持|怎么|如何|哪里|哪个|什么时候|能不能|可以)(?![a-z])|"
    # A Chinese question asks at its end ("合约的最小下单量是多少"): one short clause only.
    r"^[^，。,.!?！？]{2,30}(?:是多少|多少钱|是什么|什么意思|在哪(?:里|儿)?|怎么(?:弄|办|设置|操作)|吗|么)\s*[?？]?$"
)
_TROUBLE_RE = _compile(
    r"(?<![a-z])(?:not|no|never|still|stuck|why|problem|issue|wrong|fail(?:ed|s)?|error|missing|lost|delay(?:ed)?|twice|again|"
    r"yet|bad|worst|terrible|slow|rude|ridiculous|waiting|broken|bug|scam|charged|(?:do|can|wo|did|does|is|was|have|has)nt)(?![a-z])|n't|"
    r"没|不|还|为什么|失败|错|卡|慢|差|烂|坑|垃圾|太|又|等了|丢|少了|多收|多扣|骗"
)


def awaited_only(text: str) -> bool:
    """Something the customer waits for has not arrived ("tokens never came", "还没到账") and no
    hack, scam or stranger is named: money that has not come in was not taken out."""
    norm = text_normalise(text)
    return bool(
        _CHAIN_STATUS_RE.search(norm)
        and not _FOUL_STRICT_RE.search(norm)
        and not _COUNTERPARTY_GONE_RE.search(norm)
    )


def info_question(text: str) -> bool:
    """A question asking for information that tells no trouble ("is the app available in X")."""
    norm = text_normalise(text)
    return bool(_INFO_QUESTION_RE.search(norm) and not _TROUBLE_RE.search(norm))


def complaint_cue(text: str) -> bool | None:
    """True/False when a rule is sure, None to leave the decision to the model."""
    norm = text_normalise(text)
    rest = _NOT_COMPLAINT_RE.sub(" ", norm)
    if _COMPLAINT_RE.search(rest):
        return True
    if info_question(text) or _HUMAN_ONLY_RE.search(norm):
        return False
    if rest != norm:
        return False
    return None


# A message that only asks for a person ("let me talk to a human please", "转人工") asks for a
# channel, not for redress; a complaint word beside it still counts (checked first above).
_HUMAN_ONLY_RE = _compile(
    r"^\s*(?:(?:hi|hello|hey)[,!. ]*)?(?:please |pls |can i |could i |can you |could you |let me |i want to |i'?d like to )?"
    r"(?:talk|speak|chat) (?:to|with) (?:a |an )?(?:human|real person|person|agent|someone)(?: please| pls)?[.!?\s]*$|"
    r"^\s*(?:请|麻烦)?转人工(?:客服)?[。!！.\s]*$"
)

# A feature request or a suggestion for the product is "other", whatever its topic words
# (price alerts, 2FA, charts) pull the model to.
_FEATURE_REQUEST_RE = _compile(
    r"feature request|(?:please|pls|could you|can you|would you) (?:add|build|introduce|support adding)|"
    r"would (?:be|love) (?:nice|great|good|it)[^.!?]{0,10}(?:if|to have)|i(?:'d| would) love (?:a|an|to see)|"
    r"希望(?:你们)?(?:可以|能|能够)?(?:加|增加|添加|上线|出)(?:一个|个)?|建议(?:你们)?(?:增加|添加|加上?)|能不能(?:加|增加|添加)(?:一个|个)?"
)


def feature_request(text: str) -> bool:
    """The customer asks for a new feature or suggests one."""
    return bool(_FEATURE_REQUEST_RE.search(text_normalise(text)))


# Trading switched off while the account itself works ("能登录，就是不能下单", "trading disabled,
# login is fine") is a trade restriction, not a frozen account; the model leans to account_login
# on the words account/冻结/restricted.
_TRADE_RESTRICTED_RE = _compile(
    r"(?:trading|trade|trades|orders?|futures|spot|margin)[^.!?]{0,20}(?:disabled|restricted|restrictions?|suspended|blocked|limited|unavailable|not available)|"
    r"restricted from (?:trading|placing orders|opening)|(?:can'?t|cannot|unable to) (?:trade|place (?:any )?orders?|open (?:a )?positions?|buy or sell)|"
    r"(?:交易|下单|买卖|开仓|合约|现货)[^，。,!?！？]{0,6}(?:受限|被限制|限制|禁用|被禁|暂停|关闭)|(?:不能|无法|没法)(?:交易|下单|买卖|开仓)|"
    r"(?:交易|trade|trading)\s*被\s*(?:restricted|限制|limit)"
)
_LOGIN_FAILS_RE = _compile(
    r"登不上|登录不了|登陆不了|登不进|无法登录|无法登陆|进不去|(?:can'?t|cannot|unable to) (?:log ?in|sign ?in|login|access my account)|"
    r"locked out|login不了|login不进|(?<!没)(?<!没有)(?<!not )(?<!isnt )(?<!isn't )(?:frozen|冻结|locked|suspended|disabled)(?! (?:trading|orders?))"
)


_LOGIN_ONLY_FAILS_RE = _compile(
    r"登不上|登录不了|登陆不了|登不进|无法登录|无法登陆|进不去|(?:can'?t|cannot|unable to) (?:log ?in|sign ?in|login|get in|access my account)|"
    r"locked out|login\s*不了|login\s*不进|login (?:fails?|failed)|登录不进|登陆不进|(?:怎么|如何)\s*(?:登录|登陆|login|log ?in|sign ?in)|how (?:do|can) i (?:now )?(?:log ?in|sign ?in|get (?:back )?in)|"
    r"(?:log ?in|sign ?in|登录|登陆)[^.!?。，,]{0,30}(?:invalid|incorrect|rejected|not accepted|无效|错误|不对)|"
    # Stuck at the 2FA step of a login in other words ("登录卡在二次验证", "login asks for a code I
    # don't have", "the login page keeps reloading after I enter the 2FA code").
    r"(?:log ?in|login|sign ?in|登录|登陆)[^。.!?！？]{0,16}(?:卡在|卡住|要输|要求输入|一直(?:让我|要|fail|失败|转圈)|"
    r"stuck (?:at|on)|asks? (?:me )?for|keeps? (?:asking|reloading|failing|rejecting))|"
    r"(?:登录|登陆|login|passkey)\s*(?:一直|总是)?\s*(?:fail|失败)|(?:logging|log) ?in[^.!?]{0,40}(?:even though|but)[^.!?]{0,30}(?:code|0fa)|"
    r"(?:invalid|incorrect|wrong|rejected)[^.!?]{0,12}code[^.!?]{0,20}(?:when|while|every ?time|each time|whenever) (?:i )?(?:try(?:ing)? to )?log(?:ging)? ?in|"
    r"code[^.!?]{0,25}(?:invalid|incorrect|wrong|rejected)[^.!?]{0,20}(?:when|while|every ?time|each time|whenever) (?:i )?(?:try(?:ing)? to )?log(?:ging)? ?in"
)


def login_blocked_by_own_2fa(text: str) -> bool:
    """The customer cannot log in because of their own 2FA (a new phone, a lost authenticator),
    with no suspicion told: an account_login problem, not a security one."""
    norm = text_normalise(text)
    return bool(
        _LOGIN_ONLY_FAILS_RE.search(norm)
        and _SECURITY_2FA_RE.search(norm)
        and not _SECURITY_CUE_RE.search(norm)
        and not _FOUL_RE.search(norm)
    )


def trade_restricted(text: str) -> bool:
    """True when trading is switched off and nothing says the account itself is locked."""
    norm = text_normalise(text)
    match = _TRADE_RESTRICTED_RE.search(norm)
    if not match:
        return False
    rest = norm[: match.start()] + " " + norm[match.end() :]
    return not _LOGIN_FAILS_RE.search(rest)


# An opinion on the service itself: how fast or how well support answers, or how the app looks
# and reads. The model pulls "email reply" to account_login and "dark mode" to other.
_SERVICE_OPINION_RE = _compile(
    r"(?:e-?mail|ticket|support|客服|agent|chat)[^.!?。，,]{0,25}(?:reply|replies|response|respond|answer|回复|回应|答复)|"
    r"(?:reply|replies|response|回复|答复)[^.!?。]{0,15}(?:slow|takes?|took|days|hours|weeks|慢|几天|好几)|"
    r"(?:dark mode|night mode|\bui\b|interface|design|layout|font|contrast|colou?rs|界面|字体|配色|夜间模式|深色模式)[^.!?。]{0,25}"
    r"(?:hard to (?:read|use|find)|ugly|awful|confusing|terrible|clunky|cluttered|难用|难看|不好用|看不清|太小|丑)|"
    r"(?:app|platform|exchange|website|site|软件|平台)\s*(?:is|=|真|太|就是)?\s*(?:trash|garbage|rubbish|the worst|useless|a joke|垃圾|辣鸡|拉胯)(?![a-z])"
)
# Too many steps or taps: the spec's own example of an opinion on the service, whatever screen
# it is about (buying, KYC, withdrawing).
_UX_OPINION_RE = _compile(
    r"(?:steps?|步骤|confirm(?:ations?)?|确认|clicks?|taps?|screens?|pop-?ups?|弹窗)[^.!?。]{0,12}(?:太多|好多|too many|so many)|"
    r"(?:too|so) many (?:steps|clicks|taps|confirmations|screens|pop-?ups)|太多步|麻烦死|繁琐"
)
_FAILED_RE = _compile(
    r"reject|fail|denied|stuck|not (?:pass|approved)|失败|拒绝|不通过|没通过|驳回|卡住|卡在"
)
_BUG_RE = _compile(
    r"crash|闪退|\bbug|error|报错|(?:won'?t|doesn'?t|does not|not) (?:load|open|work)|加载不|打不开|转圈|卡死|白屏"
)


def service_opinion(text: str) -> bool:
    """An opinion on support's speed or manners, or on the app's look, with no bug reported."""
    norm = text_normalise(text)
    return bool(_SERVICE_OPINION_RE.search(norm) and not _BUG_RE.search(norm))


def ux_opinion(text: str) -> bool:
    """Too many steps or confirmations, told as an opinion: nothing failed and no bug."""
    norm = text_normalise(text)
    return bool(_UX_OPINION_RE.search(norm) and not (_BUG_RE.search(norm) or _FAILED_RE.search(norm)))


# A page that never draws (白屏, stuck loading) away from the login screen is a bug report.
_PAGE_BROKEN_RE = _compile(
    r"白屏|blank (?:page|screen)|(?:一直|keeps?|stuck (?:on|at)?)\s*(?:loading|转圈)|加载不出"
)
_LOGIN_WORD_RE = _compile(r"登录|登陆|登不|登没|log ?in|sign ?in")
_SUPPORT_WORD_RE = _compile(r"客服|人工|support|agent|human|reply|回复")


def page_broken(text: str) -> bool:
    """A page of the app that will not draw, told away from logging in."""
    norm = text_normalise(text)
    return bool(_PAGE_BROKEN_RE.search(norm) and not _LOGIN_WORD_RE.search(norm))


def product_suggestion(text: str) -> bool:
    """A feature request that is not about the support team itself."""
    return feature_request(text) and not _SUPPORT_WORD_RE.search(text_normalise(text))


# How to reach a person or a channel ("How can I call you?", "人工客服", "is there a hotline"):
# the spec puts "how to reach a human" under service_feedback.
_CONTACT_ASKED_RE = _compile(
    r"(?:how|where) (?:can|do|could|should) i (?:call|phone|ring|reach|contact|talk to|speak (?:to|with)|chat with|e-?mail) "
    r"(?:you|support|a human|a person|someone|an agent|customer (?:service|support)|your team)|"
    # Their number, not the customer's ("how do I change the phone number on my account").
    r"(?:your|a|any|support'?s?|customer service|the support) (?:phone|telephone|contact) (?:number|line)(?! on my)|"
    r"hotline|phone support|live (?:agent|person)|real (?:person|human)|"
    r"(?:talk|speak|chat) (?:to|with) (?:a |an )?(?:human|real person|person|agent)|"
    r"怎么联系(?:客服|人工|你们)|(?:客服|人工)(?:电话|热线)|热线|转人工|人工客服|找人工|真人客服|联系不上客服"
)


def contact_asked(text: str) -> bool:
    """The customer asks how to reach a person or a support channel."""
    return bool(_CONTACT_ASKED_RE.search(text_normalise(text)))


# A message, address or link from outside (a chat group, a DM, an e-mail, a caller) and the
# customer asking whether it is genuine: a phishing check, whatever it is about (a "new deposit
# address", a paused withdrawal).
_GENUINE_ASKED_RE = _compile(
    r"是真的吗|是不是真的|真的假的|是(?:不是)?官方的?吗|是不是官方|是你们发的吗|是不是你们(?:发|的)|是骗局吗|是不是骗|可信吗|靠谱吗|"
    r"(?:is|are) (?:this|that|it|these|they)(?: [a-z]+){0,2} (?:real|legit|legitimate|genuine|official|from you|a scam)(?![a-z])|"
    r"legit\?|from you(?:r team)?\?|did you (?:guys )?send|(?:is|was) (?:this|that|it) (?:really )?you\?"
)
_OUTSIDE_SOURCE_RE = _compile(
    r"群|admin|管理员|telegram|(?<![a-z])tg(?![a-z])|电报|微信|whatsapp|discord|twitter|推特|私信|(?<![a-z])dms?(?![a-z])|短信|"
    r"(?<![a-z])sms|text message|e-?mail|邮件|someone|somebody|有人|陌生|caller|电话|call(?:ed)? me|messaged me|link|链接|网址"
)


def genuineness_asked(text: str) -> bool:
    """The customer asks whether a message, address or link they got from outside is genuine."""
    norm = text_normalise(text)
    return bool(_GENUINE_ASKED_RE.search(norm) and _OUTSIDE_SOURCE_RE.search(norm))


_KYC_DONE_RE = _compile(
    r"fully verified|already verified|verified (?:already|alr)|(?:kyc|verification) (?:is |was )?(?:done|passed|approved|complete)|"
    r"not (?:a |about )?kyc|(?:kyc|verification) (?:isn'?t|is not) the (?:problem|issue)|"
    r"已(?:经)?(?:实名|认证|kyc)|(?:认证|实名|kyc)\s*(?:已|都)?(?:经)?(?:通过|完成|做完)|不是(?:kyc|实名|认证)的?问题"
)
_KYC_ASKED_RE = _compile(
    r"verification required|(?:verify|confirm) (?:your|my) (?:identity|account)|complete (?:your |my )?(?:kyc|verification)|"
    r"kyc (?:is )?(?:required|needed)|需要(?:先)?(?:实名|认证|kyc)|请(?:先)?完成(?:实名|认证|kyc)|(?:实名|认证|kyc)后才能"
)


def kyc_done(text: str) -> bool:
    return bool(_KYC_DONE_RE.search(text_normalise(text)))


def kyc_asked(text: str) -> bool:
    return bool(_KYC_ASKED_RE.search(text_normalise(text)))


# Tokens from a platform sale (launchpool, launchpad, 打新) not arriving: a product matter the
# project files under trading, not a deposit, though "never showed up" reads like one.
_TOKEN_SALE_RE = _compile(r"launch ?pool|launch ?pad|(?<![a-z])ieo(?![a-z])|打新|中签")


def token_sale(text: str) -> bool:
    return bool(_TOKEN_SALE_RE.search(text_normalise(text)))


# A bug report told as one ("I want to report a bug: …"): other, whatever screen it names.
_BUG_REPORTED_RE = _compile(
    r"report(?:ing)? a bug|bug report|found a bug|反馈(?:一个)?bug|发现(?:了)?(?:一个)?bug"
)


def bug_reported(text: str) -> bool:
    return bool(_BUG_REPORTED_RE.search(text_normalise(text)))


def login_failing(text: str) -> bool:
    """The customer cannot get into the account (locked, frozen, login fails, 2FA step refused)."""
    norm = text_normalise(text)
    return bool(_LOGIN_FAILS_RE.search(norm) or _LOGIN_ONLY_FAILS_RE.search(norm))


def display_setting_changed(text: str) -> bool:
    """Only the value shown moved (display currency, coin count unchanged): nothing is lost."""
    return bool(_VALUE_ONLY_RE.search(text_normalise(text)))


# What a pasted transfer is made of: hashes and addresses (folded to Ⓐ, or cut short with "..."),
# amounts with their asset, networks, and the labels and separators around them. The model learnt
# these tokens beside thefts (a victim pastes the hash and the sum lost), so in a message that is
# little more than them ("tx 0x… 100 USDT", "eth · 0x… · Confirmed · 100 USDT") they alone give
# theft the lead.
_ASSET = r"(?:usdt|usdc|btc|eth|trx|bnb|sol|ton|matic|pol|dai|busd|fdusd|doge|ltc|xrp|ada|arb|op|u)"
_ENTITY_RE = _compile(
    r"Ⓐ|0x<[^>]{0,20}>|(?<![a-z0-9])(?:0x[0-9a-f]{2,}|t[0-9a-z]{2,8}|bc0[0-9a-z]{0,8})(?:\.{2,}|…)[0-9a-z]*|"
    rf"0(?: ?(?:k|w|万|千|百))?(?: ?个)? ?{_ASSET}(?![a-z])|(?<![a-z]){_ASSET} ?0(?: ?(?:k|w|万))?(?! ?(?:k|w|万|千|百|个)? ?{_ASSET}(?![a-z]))|"
    r"[零一二三四五六七八九十两百千万]+ ?个? ?(?:u|usdt)(?![a-z])"
)
_ENTITY_BESIDE_RE = _compile(
    r"(?<![a-z])(?:trc|erc|bep|spl) ?-? ?0|(?<![a-z])(?:eth|ethereum|tron|bsc|sol|solana|polygon|matic|arbitrum|"
    r"optimism|base|ton|lightning|btc|bitcoin|bnb|usdt|usdc|tx|txid|txn|txhash|hash|hex|addr|address|amount|network|"
    r"chain|id)(?![a-z])|波场|币安链|以太坊|比特币|交易哈希|"
    r"交易id|交易号|哈希值?|地址|金额|数量|网络|"
    r"(?<![a-z])0(?![a-z])|[\s·•:：,，;；/|\-–—>→<()（）\[\]【】\"'`*#=.。!！?？~]+"
)


def entities_stripped(text: str) -> str | None:
    """The words a message holds beside its transfer entities, normalised ("" when it is nothing but
    a hash, an address, an amount and their labels); None when it names no such entity."""
    norm = text_normalise(text)
    if not _ENTITY_RE.search(norm):
        return None
    rest = _ENTITY_BESIDE_RE.sub(" ", _ENTITY_RE.sub(" ", norm))
    return " ".join(rest.split())
