"""Code-switched English words read in Chinese.

Customers who write Chinese drop English words into it ("我的account被freeze了", "半夜被人 withdraw 走
2300U", "被drain了"). The character n-grams of such a message match neither the Chinese rows
("账户被冻结了") nor the English ones, so a writer whose mix differs from the set's is read from a
few word features alone. In a message that holds Chinese, each English word below is also read as
the Chinese word customers use for it, so the Chinese rows' n-grams apply to it too.
"""

from __future__ import annotations

import re

# The words that carry a category in code-switched messages of the written sets (counted over
# data/written_*.jsonl), each with the Chinese most writers use for it. Several forms of one
# word share the reading; a word whose Chinese reading depends on context is not here.
_GLOSS: dict[str, str] = {}
for _words, _zh in (
    ("account accounts acct acc", "账户"),
    ("withdraw withdrawal withdrawals withdrew withdrawn withdrawing", "提现"),
    ("deposit deposits deposited", "充值"),
    ("fee fees", "手续费"),
    ("login logon signin", "登录"),
    ("password passwords pwd passwd", "密码"),
    ("freeze frozen froze freezing", "冻结"),
    ("unfreeze", "解冻"),
    ("locked", "锁定"),
    ("unlock", "解锁"),
    ("refund refunded", "退款"),
    ("compensation compensate", "赔偿"),
    ("escalate escalated", "升级"),
    ("complaint complain", "投诉"),
    ("apology apologize apologise", "道歉"),
    ("explanation explain", "解释"),
    ("balance", "余额"),
    ("transfer transferred", "转账"),
    ("scam scams scammer scammers", "骗子"),
    ("scammed", "被骗"),
    ("hack hacker hackers", "黑客"),
    ("hacked stolen stole", "被盗"),
    ("drain drained", "盗走"),
    ("approve approval approved", "授权"),
    ("kyc verification verify verified", "认证"),
    ("reset", "重置"),
    ("support agent cs", "客服"),
    ("address addresses", "地址"),
    ("wallet", "钱包"),
    ("link", "链接"),
    ("authenticator", "谷歌验证"),
    ("whitelist", "白名单"),
    ("phishing", "钓鱼"),
    ("mnemonic", "助记词"),
    ("credited arrived", "到账"),
    ("pending", "处理中"),
    ("missing", "不见了"),
    ("unauthorized unauthorised", "未经授权"),
    ("someone somebody", "有人"),
    ("failed fail", "失败"),
    ("rejected reject", "拒绝"),
    ("suspended banned", "封号"),
    ("review", "审核"),
    ("airdrop", "空投"),
    ("futures", "合约"),
    ("spot", "现货"),
    ("liquidated liquidation", "爆仓"),
    ("order orders", "订单"),
    ("slippage", "滑点"),
    ("email", "邮箱"),
    ("phone", "手机"),
    ("sms otp", "短信验证码"),
    ("passport selfie", "证件"),
):
    for _word in _words.split():
        _GLOSS[_word] = _zh

_WORD_RE = re.compile(r"[a-z]+")
# A listed word with the spaces around it: writers set English apart in Chinese ("被人 withdraw
# 走"), and once read in Chinese the spaces would split the n-grams the Chinese rows have.
_SPACED_WORD_RE = re.compile(r"(?<![a-z])( ?)([a-z]+)( ?)(?![a-z])")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _read(m: re.Match[str]) -> str:
    zh = _GLOSS.get(m.group(2))
    if zh is None:
        return m.group()
    text, start, end = m.string, m.start(), m.end()
    before = m.group(1) if start == 0 or not _is_han(text[start - 1]) else ""
    after = m.group(3) if end == len(text) or not _is_han(text[end]) else ""
    return before + zh + after


def code_switch_read(norm: str) -> str:
    """`norm` (normalised text) with the listed English words replaced by their Chinese, when
    the text holds Chinese; unchanged otherwise (an English message stays English)."""
    if not _HAN_RE.search(norm) or not _WORD_RE.search(norm):
        return norm
    return _SPACED_WORD_RE.sub(_read, norm)
