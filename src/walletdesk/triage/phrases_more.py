"""A third batch of phrases: formal and terse registers, and the boundaries between categories
the operator's definitions draw (UI opinions vs. domain problems, a crash vs. feedback, a
suspicion vs. a loss, a wrong fee vs. a failed withdrawal)."""

from __future__ import annotations

INTENTS_MORE: dict[str, dict[str, list[str]]] = {
    "account_login": {
        "en": [
            "Dear Sir/Madam, I am unable to access my account despite entering the correct credentials.",
            "login broken",
            "acct frozen??",
            "I would like to update the mobile number associated with my account.",
            "Please assist me in recovering access to my account; I no longer remember my password.",
            "my account says 'restricted', cannot sign in",
            "the verification code for logging in never arrives by email",
            "I was logged out and now I can't get back in",
        ],
        "zh": [
            "登录失败",
            "号冻了",
            "您好，我无法登录账户，密码确认无误",
            "想修改账户绑定的邮箱地址",
            "登录时一直提示验证码错误",
        ],
    },
    "deposit": {
        "en": [
            "Dear support, my recent deposit has not been reflected in my account balance.",
            "deposit missing",
            "usdt not credited",
            "I transferred funds into my account earlier today, however they have not appeared.",
            "my incoming BTC is still not showing after 3 confirmations",
            "the money I sent to my account from my other wallet hasn't shown up",
        ],
        "zh": [
            "充值未到账",
            "入金没到",
            "您好，我今天充值的款项尚未显示在账户余额中",
            "转进来的币一直没显示",
        ],
    },
    "withdrawal": {
        "en": [
            "Dear support, my withdrawal request submitted yesterday has not been processed.",
            "withdrawal pending",
            "withdraw not received",
            "I attempted to withdraw my funds but the transaction did not go through.",
            "the funds I withdrew have not reached my external wallet",
            "please expedite my withdrawal",
        ],
        "zh": [
            "提现未到账",
            "提币没到",
            "您好，我昨天提交的提现申请尚未处理",
            "提出去的钱一直没到",
            "提u一直不到账",
            "提的币对方没收到，已经好几个小时",
        ],
    },
    "trading": {
        "en": [
            "Dear team, my order was executed at a price significantly different from the quoted price.",
            "order not filled",
            "trade restricted",
            "I noticed an abnormal trade in my history which executed at an unusual price.",
            "my open orders disappeared and the funds are still locked",
            "why can't I buy anything, the buy button says restricted",
        ],
        "zh": ["订单没成交", "交易被限制", "您好，我的订单成交价格与报价相差很大", "账户出现异常交易记录"],
    },
    "fees": {
        "en": [
            "Dear support, I believe an incorrect fee was applied to my transaction.",
            "fee too high",
            "wrong fee charged",
            "The commission deducted does not match your published fee schedule.",
            "the withdrawal failed but you still kept the fee, please return it|C",
            "I'd like a refund of the extra trading fee I was charged|C",
        ],
        "zh": [
            "手续费太贵",
            "手续费扣错",
            "您好，我的交易被收取了错误的手续费",
            "提现失败了手续费却没退，请退还|C",
        ],
    },
    "security": {
        "en": [
            "Dear team, I received a suspicious email purporting to be from your company.",
            "2fa reset",
            "phishing?",
            "I would like advice on how to better protect my account.",
            "someone tried to log in to my account from another country but failed, my funds are safe",
            "a stranger messaged me claiming to be your staff, I did not send anything",
            "should I worry about this login notification? nothing is missing",
        ],
        "zh": [
            "重置谷歌验证",
            "这是钓鱼吗",
            "您好，我收到一封自称贵公司的可疑邮件",
            "有陌生人登录尝试，但没成功，资产安全",
            "想请教一下怎么提高账户安全性",
        ],
    },
    "account_theft": {
        "en": [
            "Dear support, I am writing to report unauthorised access to my account and the loss of my funds.",
            "hacked, funds gone",
            "stolen usdt",
            "My assets were transferred out of my account without my authorisation.",
            "a person posing as your employee convinced me to transfer my crypto and disappeared",
            "after I approved a token spend on a fake dapp my wallet was drained",
            "someone else is in my account, I see orders and withdrawals I never made",
        ],
        "zh": [
            "号被盗了",
            "币被偷了",
            "您好，我的账户遭到未经授权的访问，资产被转走",
            "有人冒充你们员工让我转币，转完人就消失了",
            "在假DApp授权后钱包被盗空",
        ],
    },
    "service_feedback": {
        "en": [
            "Dear team, I would like to commend the agent who assisted me today.",
            "support is slow",
            "need a human",
            "I am dissatisfied with the quality of assistance I have received from your agents.",
            "the withdrawal screen has too many steps and popups",
            "the trading interface is not user friendly at all",
            "I wish your support answered on weekends",
        ],
        "zh": [
            "客服太慢",
            "转人工",
            "您好，我想表扬今天为我服务的客服人员",
            "提币页面弹窗太多，步骤太繁琐",
            "交易界面对新手很不友好",
        ],
    },
    "verification": {
        "en": [
            "Dear support, my identity verification application has been pending for several days.",
            "kyc failed",
            "verification pending",
            "Could you clarify which documents are acceptable for identity verification?",
            "the selfie step of KYC keeps timing out",
        ],
        "zh": [
            "实名失败",
            "认证审核中",
            "您好，我的身份认证申请已经审核好几天了",
            "请问身份认证可以用哪些证件",
        ],
    },
    "other": {
        "en": [
            "Dear team, I would like to enquire about listing our token on your exchange.",
            "app crash",
            "api docs?",
            "The application crashes immediately upon launch on my device.",
            "the app crashes whenever I open the withdrawal page",
            "is there a Chinese version of the website",
        ],
        "zh": [
            "app闪退",
            "api文档在哪",
            "您好，我们想咨询项目上币事宜",
            "一打开提现页面app就崩溃",
            "有没有繁体中文版本",
        ],
    },
}
