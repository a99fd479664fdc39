"""Small bilingual help centers for tests: a few topics, each in zh-hans and en."""

from __future__ import annotations

from pathlib import Path

TOPICS = {
    "withdraw-failed": (
        (
            "提现失败怎么办",
            "提现失败时资金会退回余额。常见原因：地址错误、低于最小提币数量、余额不足以支付手续费。",
            ["提现失败", "提币"],
        ),
        (
            "Why did my withdrawal fail?",
            "A failed withdrawal returns to your balance. Causes: invalid address, amount below the minimum, not enough for the fee.",
            ["withdrawal failed"],
        ),
    ),
    "deposit-missing": (
        (
            "充值未到账",
            "充值需要区块确认后入账。请用交易哈希在区块链浏览器查询，确认网络和地址。",
            ["充值未到账", "充币"],
        ),
        (
            "My deposit has not been credited",
            "Deposits are credited after block confirmations. Look up the transaction hash in a block explorer and check the network.",
            ["deposit not credited"],
        ),
    ),
    "account-frozen": (
        (
            "账户被冻结了怎么办",
            "账户冻结后无法登录和提现，资产安全。提交解冻申请并完成身份核验。",
            ["账户冻结", "解冻"],
        ),
        (
            "My account is frozen",
            "A frozen account cannot log in or withdraw; assets stay safe. Ask to unfreeze and complete the identity check.",
            ["account frozen", "unfreeze"],
        ),
    ),
    "google-authenticator": (
        (
            "谷歌验证器丢失或换手机",
            "谷歌验证器每30秒生成动态码。换手机时用备份密钥恢复，丢失请申请重置。",
            ["谷歌验证器", "2FA"],
        ),
        (
            "Lost Google Authenticator or new phone",
            "Google Authenticator shows a new code every 30 seconds. Use the backup key on a new phone, or request a reset.",
            ["google authenticator", "2FA"],
        ),
    ),
    "phishing": (
        (
            "防范钓鱼网站和假客服",
            "客服绝不会索要助记词或私钥。请在验证页面核实网址和电报账号。",
            ["钓鱼", "假客服"],
        ),
        (
            "Phishing sites and fake support",
            "Support never asks for your seed phrase or private key. Check web addresses and Telegram handles on the Verify page.",
            ["phishing", "fake support"],
        ),
    ),
}


def help_center_create(topics: dict | None = None) -> None:
    from walletdesk.helpcenter.services import article_save

    for stem, ((zh_title, zh_body, zh_tags), (en_title, en_body, en_tags)) in (topics or TOPICS).items():
        article_save(
            slug=f"{stem}-zh",
            locale="zh-hans",
            title=zh_title,
            body=zh_body,
            tags=zh_tags,
            category="general",
        )
        article_save(
            slug=f"{stem}-en", locale="en", title=en_title, body=en_body, tags=en_tags, category="general"
        )


def markdown_file(folder: Path, name: str, front: str, body: str = "Some text.") -> Path:
    path = folder / name
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}\n", encoding="utf-8")
    return path
