"""A starter set of canned replies (zh/en) for a wallet's chat desk, loaded by `walletdesk chat canned
defaults` and by the demo. Each goes through chat.services.canned_reply_upsert like an operator's own."""

from __future__ import annotations

from django.conf import settings

from walletdesk.chat import selectors, services

# shortcut, title, Chinese, English. "{brand}" becomes the operator's brand name when loaded;
# {agent_name}, {customer_name} and {ticket_number} are filled in when an agent inserts the reply
# (chat.canned).
CANNED_DEFAULTS: list[tuple[str, str, str, str]] = [
    (
        "hello",
        "问候 / Greeting",
        "您好，我是 {brand} 客服 {agent_name}，很高兴为您服务。请问有什么可以帮您？",
        "Hello, this is {agent_name} from {brand} support. How can I help you today?",
    ),
    (
        "txid",
        "请提供交易哈希 / Ask for the TxID",
        "请提供这笔交易的交易哈希（TxID）和所用网络（如 TRC20、ERC20、BEP20），我马上为您查询。",
        "Please send the transaction hash (TxID) and the network you used (e.g. TRC20, ERC20, BEP20), "
        "and I will look it up right away.",
    ),
    (
        "checking",
        "正在核查 / Checking",
        "收到，我正在核查，请稍等 2–3 分钟。",
        "Thanks, I am checking this now. Please give me 2–3 minutes.",
    ),
    (
        "confirmations",
        "等待区块确认 / Waiting for confirmations",
        "您的充值已经上链，正在等待区块确认。确认数达到要求后会自动到账，通常需要 10–30 分钟，无需重复转账。",
        "Your deposit is on chain and waiting for confirmations. It is credited automatically once there "
        "are enough, usually within 10–30 minutes; there is no need to send it again.",
    ),
    (
        "memo",
        "漏填 Memo/Tag / Missing memo or tag",
        "如果充值时漏填或填错了 Memo/Tag，请提供交易哈希、充值地址和转账截图，我们会提交找回申请，通常需要 1–3 个工作日。",
        "If the memo/tag was missing or wrong, please send the transaction hash, the deposit address and a "
        "screenshot of the transfer. We will file a recovery request; it usually takes 1–3 business days.",
    ),
    (
        "review",
        "提现审核中 / Withdrawal in review",
        "您的提现正在进行安全审核，通常在 24 小时内完成，完成后会自动发出，请勿重复提交。",
        "Your withdrawal is in a security review. Reviews usually finish within 24 hours and the withdrawal "
        "is then sent automatically; please do not submit it again.",
    ),
    (
        "seed",
        "安全提醒：助记词 / Safety: seed phrase",
        "安全提醒：{brand} 客服绝不会索要您的助记词、私钥或密码，请勿向任何人透露。"
        "您可以在「官方渠道 / 验证」页面核实客服身份。",
        "Safety reminder: {brand} support never asks for your seed phrase, private key or password. "
        "Never share them with anyone. You can check that you are talking to real support on the Verify page.",
    ),
    (
        "theft",
        "资产被盗 / Stolen funds",
        "很抱歉听到这个情况。请立即把剩余资产转到一个新钱包，修改账户密码并开启两步验证。"
        "我已把此事转交安全团队，请提供可疑交易的哈希。",
        "I am sorry to hear that. Please move any remaining funds to a new wallet now, change your password "
        "and turn on two-factor authentication. I have passed this to our security team; please send the "
        "hashes of the suspicious transactions.",
    ),
    (
        "anything-else",
        "还有其他问题吗 / Anything else",
        "请问还有其他可以帮您的吗？如果没有，我将结束本次咨询。",
        "Is there anything else I can help you with? If not, I will close this chat.",
    ),
    (
        "bye",
        "结束语 / Goodbye",
        "感谢您的耐心等待，祝您生活愉快！如有问题，欢迎随时联系我们，并提供工单号 {ticket_number}。",
        "Thank you for your patience. Have a good day, and contact us any time if anything else comes up "
        "(your ticket number is {ticket_number}).",
    ),
]


def canned_defaults_load(*, overwrite: bool = False) -> int:
    """Add the starter replies; an operator's own edit of the same shortcut is kept unless overwrite.
    Returns how many were written."""
    existing = set(selectors.canned_reply_list().values_list("shortcut", flat=True))
    brand = settings.BRAND_NAME
    written = 0
    for shortcut, title, zh, en in CANNED_DEFAULTS:
        if shortcut in existing and not overwrite:
            continue
        services.canned_reply_upsert(
            shortcut=shortcut,
            title=title,
            body_zh=zh.replace("{brand}", brand),
            body_en=en.replace("{brand}", brand),
        )
        written += 1
    return written


def chat_demo_load() -> int:
    """The demo's hook (`walletdesk demo load`): the starter canned replies. Idempotent."""
    canned_defaults_load()
    return len(CANNED_DEFAULTS)
