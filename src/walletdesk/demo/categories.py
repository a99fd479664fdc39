"""The operator's categories: what customers ask about, what to prepare, which team, how fast."""

from __future__ import annotations


def _f(key: str, type_: str, required: bool, zh: str, en: str, help_zh: str = "", help_en: str = "") -> dict:
    return {
        "key": key,
        "type": type_,
        "required": required,
        "label_zh": zh,
        "label_en": en,
        "help_zh": help_zh,
        "help_en": help_en,
    }


ACCOUNT = _f("account", "text", True, "账户（UID、邮箱或手机号）", "Account (UID, email or phone)")
TXID = _f(
    "txid",
    "txid",
    True,
    "交易哈希（TxID）",
    "Transaction hash (TxID)",
    "在区块浏览器或提现记录中复制",
    "Copy it from the block explorer or your withdrawal history",
)
NETWORK = _f(
    "network", "network", True, "网络（如 TRC20、ERC20、BEP20）", "Network (e.g. TRC20, ERC20, BEP20)"
)
AMOUNT = _f("amount", "amount", False, "币种和数量", "Asset and amount")
ERROR = _f("error", "text", False, "错误提示（原文）", "Error message (exact text)")
SCREENSHOT = _f(
    "screenshot",
    "file",
    False,
    "截图",
    "Screenshot",
    "截图前请遮住助记词和私钥",
    "Hide any seed phrase or private key before taking it",
)
TIME = _f("when", "text", False, "发生时间", "When it happened")
ORDER = _f("order_id", "text", False, "订单号", "Order ID")
# Where stolen funds went: the theft checklist asks for it, and the agent traces and reports it.
DESTINATION = _f(
    "address",
    "text",
    False,
    "资金被转入的地址",
    "Address your funds were sent to",
    "如有多个，用空格分开",
    "Several? Separate them with spaces",
)

# slug, zh, en, description zh, description en, fields, team, priority, first response minutes, complaint
CATEGORIES = [
    (
        "account_login",
        "登录与账户冻结",
        "Login and frozen account",
        "无法登录、密码错误、账户被冻结或锁定、更换手机/邮箱",
        "Can't log in, wrong password, frozen or locked account, change phone/email",
        [ACCOUNT, ERROR, TIME, SCREENSHOT],
        "support",
        "normal",
        120,
        False,
    ),
    (
        "deposit",
        "充值未到账",
        "Deposit not credited",
        "充值未到账、充错网络、漏填 Memo/Tag",
        "Deposit not credited, wrong network, missing memo/tag",
        [ACCOUNT, TXID, NETWORK, AMOUNT, SCREENSHOT],
        "support",
        "high",
        60,
        False,
    ),
    (
        "withdrawal",
        "提现失败或延迟",
        "Withdrawal failed or pending",
        "提现失败、长时间审核中、未到账",
        "Withdrawal failed, pending review for long, not received",
        [ACCOUNT, TXID | {"required": False}, NETWORK, AMOUNT, ERROR],
        "support",
        "high",
        60,
        False,
    ),
    (
        "trading",
        "交易问题",
        "Trading issue",
        "订单未成交、异常成交、交易受限",
        "Order not filled, abnormal trade, trading restricted",
        [ACCOUNT, ORDER, TIME, ERROR, SCREENSHOT],
        "support",
        "normal",
        120,
        False,
    ),
    (
        "fees",
        "手续费与退款",
        "Fees and refunds",
        "手续费扣错、申请退款",
        "Wrong fee charged, refund request",
        [ACCOUNT, ORDER, AMOUNT, TIME],
        "support",
        "normal",
        240,
        True,
    ),
    (
        "security",
        "安全问题",
        "Security",
        "谷歌验证器、可疑登录、钓鱼网站、安全建议",
        "2FA, suspicious login, phishing, security advice",
        [ACCOUNT, TIME, ERROR],
        "security",
        "high",
        30,
        False,
    ),
    (
        "account_theft",
        "账户被盗 / 资产被盗",
        "Stolen account or assets",
        "账户被他人控制或资产已被转走：我们会立即协助冻结账户、评估损失并给出补救方案",
        "Someone took over your account or moved your assets: we freeze the account at once, assess the loss and help recover",
        [ACCOUNT, TXID | {"required": False}, DESTINATION, TIME, AMOUNT],
        "security",
        "urgent",
        10,
        True,
    ),
    (
        "service_feedback",
        "服务投诉与建议",
        "Service feedback and complaints",
        "对客服或平台服务的意见、投诉与表扬",
        "Opinions, complaints or praise about support or the platform's service",
        [ACCOUNT | {"required": False}, TIME],
        "support",
        "normal",
        480,
        True,
    ),
    (
        "verification",
        "身份认证（KYC）",
        "Identity verification (KYC)",
        "实名认证失败、审核进度、证件问题",
        "KYC failed, review progress, document problems",
        [ACCOUNT, ERROR, SCREENSHOT],
        "support",
        "normal",
        480,
        False,
    ),
    (
        "other",
        "其他问题",
        "Something else",
        "以上都不是",
        "None of the above",
        [ACCOUNT | {"required": False}],
        "support",
        "normal",
        480,
        False,
    ),
]
