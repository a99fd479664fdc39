"""Why a verdict was given, in English and Simplified Chinese.

Kept here as data rather than in .po files because the CLI and the JSON API must answer in both
languages at once (the Verify page shows the one the reader chose).
"""

from __future__ import annotations

KIND_ZH = {
    "website": "网站",
    "email": "邮箱",
    "telegram": "Telegram 账号",
    "x": "X（推特）账号",
    "phone": "电话",
    "wechat": "微信号",
    "handle": "账号",
    "address": "区块链地址",
    "tx": "交易哈希",
    "secret": "钱包机密",
    "text": "内容",
}
KIND_EN = {
    "website": "website",
    "email": "email address",
    "telegram": "Telegram account",
    "x": "X account",
    "phone": "phone number",
    "wechat": "WeChat ID",
    "handle": "account",
    "address": "blockchain address",
    "tx": "transaction hash",
    "secret": "wallet secret",
    "text": "text",
}
# Chain families as parse.chain_value names them ("hex": a bare 64-hex hash, the chain unknown).
CHAIN_EN = {
    "evm": "EVM: Ethereum, BNB Chain, Polygon …",
    "btc": "Bitcoin",
    "tron": "TRON",
    "solana": "Solana",
    "ton": "TON",
    "hex": "",
    "base58": "Solana or another chain",
}
CHAIN_ZH = {
    "evm": "EVM：以太坊、BNB Chain、Polygon 等",
    "btc": "比特币",
    "tron": "波场 TRON",
    "solana": "Solana",
    "ton": "TON",
    "hex": "",
    "base58": "Solana 或其他链",
}

REASONS: dict[str, tuple[str, str]] = {
    "official": ("{value} is an official {kind_en} of {brand}.", "{value} 是 {brand} 的官方{kind_zh}。"),
    # A bare @name is official on one platform only: the same name elsewhere is anyone's.
    "official-one-platform": (
        "{value} is {brand}'s official account on {platform_en} only. An account named {value} on {other_en} "
        "is not {brand}'s: {others_en}",
        "{value} 仅在 {platform_zh} 上是 {brand} 的官方账号。{other_zh} 上名为 {value} 的账号不是 {brand} 的：{others_zh}",
    ),
    "official-inside": (
        "{value} lies inside {matched}, an official website of {brand}.",
        "{value} 属于 {brand} 的官方网站 {matched}。",
    ),
    "official-mailbox": (
        "{value} is a mailbox at {matched}, an official domain of {brand}; the display name is ignored.",
        "{value} 是 {brand} 官方域名 {matched} 下的邮箱（显示名称不作为依据）。",
    ),
    "known-phishing": (
        "{value} is known phishing: it was reported and confirmed by our support team.",
        "{value} 是已确认的钓鱼{kind_zh}：已被举报并经客服团队核实。",
    ),
    "homoglyph": (
        "{value} imitates {matched} with look-alike characters (for example Cyrillic or Greek letters, 0 for o, 1 or I for l, rn for m).",
        "{value} 用形似字符冒充 {matched}（例如西里尔或希腊字母、0 冒充 o、1 或 I 冒充 l、rn 冒充 m）。",
    ),
    "punycode": (
        "{value} is an internationalised (punycode) name that displays like {matched} but is a different site.",
        "{value} 是国际化域名（punycode），显示效果像 {matched}，实际是另一个网站。",
    ),
    "typo": (
        "{value} is a misspelling of {matched} ({detail}), a common phishing trick.",
        "{value} 是 {matched} 的拼写变体（{detail_zh}），这是常见的钓鱼手法。",
    ),
    "combo": (
        "{value} puts the name of {brand} inside a domain that {brand} does not own; the official site is {matched}.",
        "{value} 在不属于 {brand} 的域名中使用了 {brand} 的名字；官方网站是 {matched}。",
    ),
    "hyphen": (
        "{value} splits the name of {matched} with hyphens; it is not an official site.",
        "{value} 用连字符拆分了 {matched} 的名字，不是官方网站。",
    ),
    "subdomain": (
        "{value} shows {matched} only as the beginning of a foreign domain; it really belongs to {registrable}.",
        "{value} 只是把 {matched} 放在一个外部域名的开头；它实际属于 {registrable}。",
    ),
    "tld": (
        "{value} uses the name of {matched} under another ending ({suffix}); {brand} does not own it.",
        "{value} 用了 {matched} 的名字但换了后缀（{suffix}），不属于 {brand}。",
    ),
    "hosting": (
        "{value} is a page on a free hosting service ({suffix}) that anyone can create; {brand}'s site is {matched}.",
        "{value} 是任何人都能创建的免费托管页面（{suffix}）；{brand} 的官网是 {matched}。",
    ),
    "mailbox-brand": (
        "{value} uses the name of {brand} in a mailbox that is not at an official domain; official email comes from {matched}.",
        "{value} 在非官方域名的邮箱中使用了 {brand} 的名字；官方邮件来自 {matched}。",
    ),
    "handle-decor": (
        '{value} copies the official account {matched} with extra underscores, digits or words such as "official" or "support".',
        "{value} 仿冒官方账号 {matched}，多加了下划线、数字或 “official”“support” 等字样。",
    ),
    "handle-brand": (
        "{value} uses the name of {brand} but is not one of its official accounts; the official one is {matched}.",
        "{value} 使用了 {brand} 的名字，但不是官方账号；官方账号是 {matched}。",
    ),
    "phone-near": (
        "{value} is {detail} away from the official number {matched}; scammers use numbers that differ by a digit or two.",
        "{value} 与官方电话 {matched} 只差 {detail_zh}；骗子常用只差一两位的号码。",
    ),
    "unknown": (
        "{value} is not an official {kind_en} of any brand we know, and it does not imitate one. Treat it with care: check the official contacts page.",
        "{value} 不是我们已知的任何官方{kind_zh}，也不像是在冒充。请谨慎对待，以官方联系方式页面为准。",
    ),
    "known-legitimate": (
        "{value} is a legitimate site of its own that only resembles a brand name; it is not one of our official channels.",
        "{value} 是一个与品牌名称相似的正当网站，但不是我们的官方渠道。",
    ),
    # Addresses: what it is, that support never asks for a transfer, where the customer's own deposit
    # address is, and to stop. The registry has no kind for addresses, so none is ever "official".
    "address": (
        "{value} is a blockchain address ({chain}), not a website, account or phone number. Support never asks "
        "you to send funds to an address, and your own deposit address is shown only in the app. If someone "
        "gave you this address, stop: do not send anything to it.",
        "{value} 是一个区块链地址（{chain_zh}），不是网站、账号或电话号码。客服永远不会要求您向任何地址转账，"
        "您自己的充值地址只在 App 内显示。如果这个地址是别人给您的，请立即停止，不要向它转账。",
    ),
    "address-bad-checksum": (
        "{value} looks like a blockchain address ({chain}), but its checksum is wrong: a character has been changed or "
        "mistyped, so it is not a valid address. Support never asks you to send funds to an address; your own "
        "deposit address is shown only in the app. Do not send anything to it.",
        "{value} 看起来像区块链地址（{chain_zh}），但校验不通过：有字符被改动或输错，这不是一个有效地址。客服永远不会"
        "要求您向任何地址转账，您自己的充值地址只在 App 内显示。请不要向它转账。",
    ),
    # "0x5290…9EE7": the middle is cut out, so nothing can be checked; the ends prove nothing either,
    # since address-poisoning scams make addresses that share them.
    "address-shortened": (
        "{value} is a shortened blockchain address ({chain}): only its first and last characters are shown, "
        "the way phishing pages and chat messages write them. Scammers make addresses that begin and end with "
        "the same characters as a real one, so matching ends prove nothing. Support never asks you to send "
        "funds to an address, and your own deposit address is shown only in the app. If someone gave you this "
        "address, stop: do not send anything to it.",
        "{value} 是一个被缩写的区块链地址（{chain_zh}）：只显示了开头和结尾的几个字符，钓鱼网页和聊天消息常这样写。"
        "骗子会生成首尾字符与真实地址相同的地址，所以首尾一致证明不了什么。客服永远不会要求您向任何地址转账，"
        "您自己的充值地址只在 App 内显示。如果这个地址是别人给您的，请立即停止，不要向它转账。",
    ),
    "tx": (
        "{value} is a transaction hash ({chain}): it identifies one transfer on the chain. It is not an address "
        "or an account, and it proves nothing about who is contacting you.",
        "{value} 是一个交易哈希（{chain_zh}），用来标识链上的一笔转账。它不是地址或账号，也证明不了联系您的人是谁。",
    ),
    "tx-hex": (
        "{value} is a 64-character hex string: a transaction hash (Bitcoin, TRON …) — or a private key. "
        "A transaction hash only identifies a transfer. If this is a private key, never give it to anyone: "
        "support never asks for it, and whoever has it can take your funds.",
        "{value} 是 64 位十六进制字符串：可能是交易哈希（比特币、波场等），也可能是私钥。交易哈希只用来标识一笔转账。"
        "如果这是私钥，绝不要交给任何人：客服永远不会索要私钥，拿到私钥的人可以转走您的资产。",
    ),
    # Not the engine's: services.value_judge answers this when the shield finds a secret in the value.
    "secret": (
        "This looks like a wallet secret (a seed phrase or private key), not a link or an account. Never paste "
        "it anywhere or give it to anyone: support never asks for it, and whoever has it can take your funds. "
        "It was not kept. If you have typed it into a website or given it to someone, treat it as exposed: "
        "create a new wallet and move your funds to it now.",
        "这看起来是钱包机密（助记词或私钥），不是链接或账号。绝不要把它粘贴到任何地方或交给任何人：客服永远不会索要，"
        "拿到它的人可以转走您的资产。这里没有保存它。如果您已经在某个网站输入过或交给过别人，请视为已泄露："
        "立即创建新钱包并把资产转过去。",
    ),
    "unknown-text": (
        "We could not find a website, email, account or phone number in this text.",
        "没有在这段内容中找到网站、邮箱、账号或电话号码。",
    ),
}

TYPO_ZH = {
    "insertion": "多了一个字母",
    "deletion": "少了一个字母",
    "substitution": "换了一个字母",
    "transposition": "两个字母对调",
    "typo": "改了两个字母",
}
TYPO_EN = {
    "insertion": "one letter added",
    "deletion": "one letter left out",
    "substitution": "one letter changed",
    "transposition": "two letters swapped",
    "typo": "two letters changed",
}


def reason_pair(key: str, **params: str) -> tuple[str, str]:
    en, zh = REASONS[key]
    kind = params.get("kind", "text")
    params.setdefault("kind_en", KIND_EN.get(kind, kind))
    params.setdefault("kind_zh", KIND_ZH.get(kind, kind))
    for name in (
        "value",
        "matched",
        "brand",
        "detail",
        "detail_zh",
        "registrable",
        "suffix",
        "chain",
        "chain_zh",
    ):
        params.setdefault(name, "")
    return en.format(**params), zh.format(**params)
