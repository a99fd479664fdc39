"""The explanation a customer reads, per verdict, in zh-hans and en.

Kept as bilingual data rather than .po entries: each text is one sentence group with named fields,
and both languages are reviewed side by side here.
"""

from __future__ import annotations

import math
from typing import Any

LOCALES = ("en", "zh-hans")

TEXTS: dict[str, dict[str, str]] = {
    "not_found": {
        "en": "We could not find transaction {tx} on {chain} or on any other network we support: it is not "
        "in a block and not waiting in the mempool. Check that you copied the whole transaction hash (TxID) "
        "from the sending wallet or exchange and that the sender really broadcast it; a transaction that was "
        "never broadcast or was dropped has moved no funds. If the hash is right, check again in a few minutes.",
        "zh-hans": "在{chain}以及我们支持的其他网络上都没有找到交易 {tx}：它既没有被打包进区块，也不在内存池中等待。"
        "请确认您从转出钱包或交易所复制了完整的交易哈希（TxID），并确认对方确实已广播该交易；"
        "未广播或已被丢弃的交易不会转走任何资金。如果哈希无误，请几分钟后再查询。",
    },
    "network_unchecked": {
        "en": "Transaction {tx} is not on {chain}, but these networks it may belong to cannot be checked "
        "automatically here: {unchecked}. So we cannot tell whether this "
        "transaction exists, and this answer does not mean your funds are lost. Open a ticket with this "
        "transaction hash and the network you sent it on, and an agent will check it for you.",
        "zh-hans": "{chain}上没有交易 {tx}，但它可能所属的以下网络无法在此自动查询：{unchecked}。"
        "因此我们无法判断这笔交易是否存在，这个结果也不表示您的资金已经丢失。"
        "请提交工单，附上此交易哈希和您转账所用的网络，客服会为您核查。",
    },
    "wrong_network": {
        "en": "This transaction is not on {chain}, but we found it on {found_on}: the funds were sent over "
        "{found_on}, not over the network you chose. {moved}Do not send again. Contact support with this "
        "transaction hash: when the receiving address is one we control, funds sent over the wrong network can "
        "usually be recovered; each case is reviewed by hand, takes several working days and may carry a fee.",
        "zh-hans": "该交易不在{chain}上，但我们在{found_on}上找到了它：资金是通过{found_on}转出的，而不是您选择的网络。"
        "{moved}请不要重复转账。请携带此交易哈希联系客服：若接收地址由我们控制，通过错误网络转入的资金通常可以找回；"
        "每笔找回都需人工审核，需要数个工作日，并可能收取手续费。",
    },
    "pending": {
        "en": "Transaction {tx} is waiting in the {chain} mempool and is not in a block yet; this happens when "
        "the network is busy or the fee was low. No action is needed: once it is in a block it needs "
        "{required} confirmations (about {minutes} minutes) before it is credited. If it stays pending for "
        "hours, the sender can speed it up or cancel it in their wallet.",
        "zh-hans": "交易 {tx} 正在{chain}的内存池中等待，尚未被打包进区块；网络拥堵或手续费偏低时会出现这种情况。"
        "您无需操作：打包后还需要 {required} 个确认（约 {minutes} 分钟）才会入账。"
        "如果数小时后仍未打包，转出方可以在其钱包中加速或取消该交易。",
    },
    "failed": {
        "en": "Transaction {tx} is in block {block} on {chain} but it failed (reverted), so no funds were "
        "moved; the network still charged its fee. A failed transaction cannot be credited: please send the "
        "deposit again from your wallet.",
        "zh-hans": "交易 {tx} 已在{chain}第 {block} 个区块上链，但执行失败（已回滚），资金并未转出，网络手续费仍会被扣除。"
        "失败的交易无法入账，请从您的钱包重新发起充值。",
    },
    "wrong_address": {
        "en": "Transaction {tx} on {chain} sent nothing to the address {address}. {moved}Check that the "
        "address is the deposit address shown on our deposit page for this network. Funds sent to another "
        "address cannot be credited to your account; if that address belongs to someone else, only they can "
        "return them.",
        "zh-hans": "{chain}上的交易 {tx} 没有向地址 {address} 转入任何资产。{moved}请确认该地址是我们充值页面上为此网络"
        "显示的充值地址。转入其他地址的资金无法计入您的账户；如果该地址属于他人，只有对方才能退还。",
    },
    "unsupported_asset": {
        "en": "Transaction {tx} on {chain} sent {amount_text}{asset} to {to}, but that is not an asset we support "
        "on this network. A token is identified by its contract address, not by its name: a token with the same "
        'name (for example "USDT") at another contract is a different token and may be worthless. It will not '
        "be credited. If you believe it is a supported asset, contact support with this transaction hash; "
        "recovery, where possible, is reviewed case by case.",
        "zh-hans": "{chain}上的交易 {tx} 向 {to} 转入了 {amount_text}{asset}，但这不是我们在该网络上支持的资产。"
        "代币以合约地址识别，而不是名称：在其他合约上发行的同名代币（例如“USDT”）是另一种代币，可能毫无价值。"
        "该笔资产不会入账。如您认为这是受支持的资产，请携带交易哈希联系客服；能否找回将逐笔审核。",
    },
    "below_minimum": {
        "en": "Transaction {tx} on {chain} sent {amount} {asset} to {to}, which is below the minimum deposit of "
        "{min_deposit} {asset} on this network. Under our deposit policy, deposits below the minimum are not "
        "credited and cannot be returned. Please make future deposits of at least {min_deposit} {asset}.",
        "zh-hans": "{chain}上的交易 {tx} 向 {to} 转入了 {amount} {asset}，低于该网络的最低充值金额 {min_deposit} {asset}。"
        "根据我们的充值政策，低于最低金额的充值不会入账，也无法退回。今后请每次至少充值 {min_deposit} {asset}。",
    },
    "confirming": {
        "en": "Transaction {tx} on {chain} sent {amount} {asset} to {to} and has {confirmations} of {required} "
        "confirmations. It will be credited after {remaining} more confirmations, in about {minutes} minutes. "
        "No action is needed.",
        "zh-hans": "{chain}上的交易 {tx} 向 {to} 转入了 {amount} {asset}，目前已有 {confirmations}/{required} 个确认。"
        "再等待 {remaining} 个确认（约 {minutes} 分钟）后即会入账，您无需任何操作。",
    },
    "confirmed": {
        "en": "Transaction {tx} on {chain} {moved_plain}and has {confirmations} confirmations ({required} "
        "required): it is complete on the chain and should already be credited. If it is not in your balance, "
        "contact support with this transaction hash and we will check the credit for you.",
        "zh-hans": "{chain}上的交易 {tx} {moved_plain}已有 {confirmations} 个确认（需要 {required} 个），链上已完成，"
        "应已入账。如果您的余额中没有这笔资金，请携带此交易哈希联系客服，我们会为您核查入账情况。",
    },
}

# The verdict's name as a reader sees it: on the card, in the agent's note, on the console's chips.
VERDICT_LABELS: dict[str, dict[str, str]] = {
    "not_found": {"en": "Not found", "zh-hans": "未找到"},
    "network_unchecked": {"en": "Network not checked here", "zh-hans": "无法自动查询该网络"},
    "wrong_network": {"en": "Wrong network", "zh-hans": "网络不符"},
    "pending": {"en": "Waiting to be included", "zh-hans": "等待打包"},
    "failed": {"en": "Failed on chain", "zh-hans": "链上失败"},
    "wrong_address": {"en": "Sent to another address", "zh-hans": "收款地址不符"},
    "unsupported_asset": {"en": "Asset not supported", "zh-hans": "不支持的币种"},
    "below_minimum": {"en": "Below the deposit minimum", "zh-hans": "低于最低充值额"},
    "confirming": {"en": "Confirming", "zh-hans": "确认中"},
    "confirmed": {"en": "Confirmed", "zh-hans": "已确认"},
}


# Networks named in "network_unchecked": a kind not set up here, by its everyday name.
KIND_NAMES: dict[str, dict[str, str]] = {
    "tron": {"en": "TRON (TRC-20)", "zh-hans": "波场 TRON（TRC-20）"},
    "bitcoin": {"en": "Bitcoin", "zh-hans": "比特币"},
    "evm": {"en": "Ethereum and other EVM networks", "zh-hans": "以太坊及其他 EVM 网络"},
}
UNREACHABLE = {"en": "{name} (its node is not answering right now)", "zh-hans": "{name}（节点暂时无法连接）"}
LIST_JOIN = {"en": ", ", "zh-hans": "、"}


def unchecked_text(*, kinds: list[str], unreachable: list[str], locale: str) -> str:
    """ "TRON (TRC-20), Bitcoin" / "波场 TRON（TRC-20）、比特币": what could not be asked, for the text."""
    lang = locale_normalize(locale)
    names = [KIND_NAMES[kind][lang] for kind in kinds]
    names += [UNREACHABLE[lang].format(name=name) for name in unreachable]
    return LIST_JOIN[lang].join(names)


def verdict_label(verdict: str, locale: str | None) -> str:
    return VERDICT_LABELS.get(str(verdict), {}).get(locale_normalize(locale), str(verdict))


MOVED = {
    "en": "It sent {amount_text}{asset} to {to}. ",
    "zh-hans": "该交易向 {to} 转入了 {amount_text}{asset}。",
}
MOVED_PLAIN = {"en": "sent {amount_text}{asset} to {to} ", "zh-hans": "向 {to} 转入了 {amount_text}{asset}，"}
NOTHING_MOVED = {"en": "moved no funds ", "zh-hans": "没有转移任何资金，"}
CLAIM_MISMATCH = {
    "en": " You said you sent {claimed}, but this transaction moved {asset}.",
    "zh-hans": "您说转出的是 {claimed}，但该交易实际转移的是 {asset}。",
}


def locale_normalize(locale: str | None) -> str:
    """'zh', 'zh-CN', 'zh_Hans' → 'zh-hans'; anything else → 'en'."""
    value = (locale or "en").strip().lower().replace("_", "-")
    return "zh-hans" if value.startswith("zh") else "en"


def wait_minutes(blocks: int, block_seconds: float) -> int:
    return max(1, math.ceil(blocks * block_seconds / 60)) if blocks > 0 else 0


def short_hash(tx_hash: str) -> str:
    return tx_hash if len(tx_hash) <= 20 else f"{tx_hash[:10]}…{tx_hash[-6:]}"


def explanation_render(verdict: str, locale: str, fields: dict[str, Any]) -> str:
    """Fill the verdict's text; `fields` holds tx, chain, asset, amount, to, … (missing ones render empty)."""
    locale = locale_normalize(locale)
    values = {key: ("" if value is None else value) for key, value in fields.items()}
    values["amount_text"] = f"{values['amount']} " if values.get("amount") not in (None, "") else ""
    if values.get("asset"):
        values["moved"] = MOVED[locale].format(**values)
        values["moved_plain"] = MOVED_PLAIN[locale].format(**values)
    else:
        values["moved"] = ""
        values["moved_plain"] = NOTHING_MOVED[locale]
    text = TEXTS[verdict][locale].format_map(_Blank(values))
    claimed, asset = values.get("claimed"), values.get("asset")
    if claimed and asset and str(claimed).lower() != str(asset).lower() and verdict != "wrong_address":
        text += CLAIM_MISMATCH[locale].format(claimed=claimed, asset=asset)
    return text


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""
