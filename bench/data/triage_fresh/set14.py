"""Fresh triage evaluation set 14 (issue 6, helper "triage5", round 6): the late set, written after
round 6's last triage change (commit 908c114) and measured once; its figure is reported as is.

Voices: polite formal Chinese, hurried typos, a customer quoting times and numbers, mixed
office-worker lines; the same under-sampled boundaries as set 13 in new wordings. Fields as in set1.
"""

T = "account_theft"
S = "security"
L = "account_login"
D = "deposit"
W = "withdrawal"
TR = "trading"
F = "fees"
SF = "service_feedback"
V = "verification"
OT = "other"

ROWS = [
    # ---- theft (zh 9, en 9, mixed 7)
    ("zh", T, 0, "您好，本人账户于昨晚23:40发生一笔提币，非本人操作，金额0.6 BTC", "", "0.6 BTC"),
    ("zh", T, 1, "我的号让人黑了，里面八千U全被转走，请平台赔偿损失", "", "8000 USDT"),
    ("zh", T, 0, "在推特上看到客服账号，私信后对方让我扫码登录，扫完资产就空了", "", ""),
    ("zh", T, 0, "手机号被运营商注销又被人重新开了，我的交易所账户随即被提现", "", ""),
    ("zh", T, 0, "钱包连接了一个假的质押网站，授权后USDT被划走到 {evm}", "", ""),
    ("zh", T, 0, "账户里的SOL今天被卖成U又提走，我一直在上班没碰手机", "", ""),
    ("zh", T, 0, "对方冒充平台安全中心，说要核验资金，我按他说的把3万U转了过去", "", "30000 USDT"),
    ("zh", T, 0, "有人新建了API并开了提现权限，把我的ETH提光了", "", ""),
    ("zh", T, 0, "收到邮件说提现已完成，可我没有申请提现，余额只剩零头", "", ""),
    ("en", T, 0, "hi, my acount got hackd and all the usdt was withdrawed to {tron}", "", ""),
    (
        "en",
        T,
        1,
        "At 02:13 someone withdrew 1.1 ETH from my account. Please reverse it and compensate me.",
        "",
        "1.1 ETH",
    ),
    (
        "en",
        T,
        0,
        "I lost service on my phone, then got locked out of email, and my exchange balance went to zero",
        "",
        "",
    ),
    (
        "en",
        T,
        0,
        "the 'support agent' on WhatsApp had me install an app; afterwards 5k USDT left my account",
        "",
        "5000 USDT",
    ),
    ("en", T, 0, "signed a 'gasless listing' message on a fake marketplace, my tokens were swept", "", ""),
    ("en", T, 0, "notification: withdrawal of 0.4 BTC has been approved. That wasn't me!", "", "0.4 BTC"),
    ("en", T, 0, "my sister's laptop had a keylogger; her account was emptied last night", "", ""),
    ("en", T, 0, "somebody changed my withdrawal whitelist and pulled all my coins out", "", ""),
    ("en", T, 0, "all my USDC was moved to {sol} while I was on a flight", "", ""),
    ("mixed", T, 0, "我的 account 昨晚被 login 了，然后 BTC 全部 withdraw 到 {bc1q}", "", ""),
    ("mixed", T, 1, "被 hack 了，两千U 没了，要求 refund", "", "2000 USDT"),
    ("mixed", T, 0, "假的 customer support 让我 share screen，然后 ETH 就没了", "", ""),
    ("mixed", T, 0, "SIM 卡被 swap 了，exchange 里的 USDT 被转走", "", ""),
    ("mixed", T, 0, "approve 了一个 phishing contract，wallet 里的 token 被 drain", "", ""),
    ("mixed", T, 0, "withdrawal notification 说提了 1 ETH，但不是我操作的", "", "1 ETH"),
    ("mixed", T, 0, "有人用我的 API key 把 USDT 全部提走了", "", ""),
    # ---- fees (zh 3, en 3, mixed 2)
    ("zh", F, 0, "现货吃单和挂单手续费分别是多少？", "", ""),
    ("zh", F, 1, "我的手续费折扣没生效，多扣了二十U，请退还", "", "20 USDT"),
    ("zh", F, 0, "提BTC的矿工费为什么比昨天高", "", ""),
    ("en", F, 0, "is there a fee for converting USDT to USDC?", "", ""),
    (
        "en",
        F,
        1,
        "the withdrawal fee you charged on my TRC20 USDT was 3x the listed one. Refund the overcharge.",
        "TRC20",
        "",
    ),
    ("en", F, 0, "does holding your token lower trading fees?", "", ""),
    ("mixed", F, 0, "BEP20 提币 fee 是多少", "BEP20", ""),
    ("mixed", F, 0, "futures 的 funding fee 怎么计算", "", ""),
    # ---- withdrawal (zh 3, en 3, mixed 2)
    ("zh", W, 0, "提币到钱包地址 {evm}，链上显示成功但钱包没显示", "", ""),
    ("zh", W, 0, "提现一直在审核中，已经十个小时了", "", ""),
    ("zh", W, 0, "我想把五百U提到欧易，用哪个网络快", "", "500 USDT"),
    (
        "en",
        W,
        0,
        "withdrew 300 USDC to my Polygon wallet 2 hours ago, still not there",
        "POLYGON",
        "300 USDC",
    ),
    ("en", W, 0, "what's the minimum BTC withdrawal?", "", ""),
    ("en", W, 1, "Third withdrawal rejected this week with no reason. I want an explanation today.", "", ""),
    ("mixed", W, 0, "withdraw 到 cold wallet 要多久", "", ""),
    ("mixed", W, 0, "提 USDT 走 Arbitrum 可以吗", "ARBITRUM", ""),
    # ---- deposit (zh 3, en 3, mixed 2)
    ("zh", D, 0, "从OKX提了两千U到这边，TRC20，等了三小时了", "TRC20", "2000 USDT"),
    ("zh", D, 0, "充值BTC需要几个确认才到账", "", ""),
    ("zh", D, 1, "充值的ETH三天没到账，你们必须给我一个说法", "", ""),
    (
        "en",
        D,
        0,
        "I moved 0.05 BTC from Binance to my deposit address here, explorer says confirmed",
        "",
        "0.05 BTC",
    ),
    ("en", D, 0, "can I deposit USDT over Optimism?", "OPTIMISM", ""),
    ("en", D, 0, "bought USDT with my bank card for 200 EUR and it hasn't arrived", "", ""),
    ("mixed", D, 0, "从 Kraken 转过来的 SOL 还没 credit", "", ""),
    ("mixed", D, 0, "deposit 的 memo 填错了怎么办", "", ""),
    # ---- trading (zh 3, en 3, mixed 2)
    ("zh", TR, 0, "条件单设置在3100触发，价格到了也没成交", "", ""),
    ("zh", TR, 0, "合约怎么切换全仓和逐仓", "", ""),
    ("zh", TR, 1, "下单时系统卡顿导致我亏损，要求平台补偿", "", ""),
    ("en", TR, 0, "why was my market buy filled at a price way above the last trade?", "", ""),
    ("en", TR, 0, "how do I set take profit on an open position?", "", ""),
    ("en", TR, 0, "P2P seller hasn't released my USDT after I paid", "", ""),
    ("mixed", TR, 0, "limit order 被 cancel 了，不知道为什么", "", ""),
    ("mixed", TR, 0, "spot 和 margin 有什么区别", "", ""),
    # ---- verification (zh 3, en 3, mixed 2)
    ("zh", V, 0, "身份证正反面上传后显示审核失败", "", ""),
    ("zh", V, 0, "视频认证要说什么内容", "", ""),
    ("zh", V, 0, "地址证明上的名字和账户名字不一致会被拒吗", "", ""),
    ("en", V, 0, "my ID verification was declined because of glare on the photo", "", ""),
    ("en", V, 0, "which documents do you accept for proof of residence?", "", ""),
    ("en", V, 1, "KYC stuck for a month, this is ridiculous, I want it escalated", "", ""),
    ("mixed", V, 0, "face verification 一直 failed", "", ""),
    ("mixed", V, 0, "KYC 要 passport 还是 ID card", "", ""),
    # ---- account_login (zh 3, en 3, mixed 2)
    ("zh", L, 0, "手机换号了收不到验证码，登不上去", "", ""),
    ("zh", L, 0, "登录的时候一直转圈然后提示网络错误", "", ""),
    ("zh", L, 0, "谷歌验证器删了，怎么登录", "", ""),
    (
        "en",
        L,
        0,
        "my account got frozen after I logged in from abroad, everything is still there, how do I unfreeze?",
        "",
        "",
    ),
    ("en", L, 0, "password reset link says expired every time", "", ""),
    ("en", L, 0, "new phone, no authenticator backup, can't sign in", "", ""),
    ("mixed", L, 0, "login 不进去，一直说 password wrong", "", ""),
    ("mixed", L, 0, "2FA 换手机了怎么 login", "", ""),
    # ---- security (zh 3, en 3, mixed 2)
    ("zh", S, 0, "有人打电话说是平台客服，问我要验证码，我挂了，需要做什么吗", "", ""),
    ("zh", S, 0, "怎么开启登录保护和提币白名单", "", ""),
    ("zh", S, 0, "我朋友在别的平台被盗了，我该怎么防", "", ""),
    ("en", S, 0, "how do I turn on an anti-phishing code for your emails?", "", ""),
    (
        "en",
        S,
        0,
        "got a login alert from a city I've never been to, balance is fine, what should I do?",
        "",
        "",
    ),
    ("en", S, 0, "is it safe to give a trading bot an API key with withdrawals disabled?", "", ""),
    ("mixed", S, 0, "收到一个 fake 的 airdrop email，没点，report 一下", "", ""),
    ("mixed", S, 0, "怎么看 login 过的 devices", "", ""),
    # ---- service_feedback (zh 3, en 3, mixed 2)
    ("zh", SF, 0, "在线客服排队排了四十分钟", "", ""),
    ("zh", SF, 0, "感谢客服小王，问题处理得很快", "", ""),
    ("zh", SF, 1, "客服直接把我的对话关了，态度恶劣，要求道歉", "", ""),
    ("en", SF, 0, "the chatbot can't understand anything, get me a real agent", "", ""),
    ("en", SF, 0, "your new app layout is cluttered and confusing", "", ""),
    ("en", SF, 0, "support fixed my issue in five minutes, great service", "", ""),
    ("mixed", SF, 0, "客服 reply 太慢了，等了两天", "", ""),
    ("mixed", SF, 0, "机器人 answer 都是 copy paste", "", ""),
    # ---- other (zh 3, en 3, mixed 2)
    ("zh", OT, 0, "网页版行情页面白屏", "", ""),
    ("zh", OT, 0, "希望能增加俄语界面", "", ""),
    ("zh", OT, 0, "你们的办公地址在哪里", "", ""),
    ("en", OT, 0, "Android app force closes when I tap the portfolio tab", "", ""),
    ("en", OT, 0, "please add a CSV export of my trade history", "", ""),
    ("en", OT, 0, "are you hiring Rust developers?", "", ""),
    ("mixed", OT, 0, "web 版 K 线 一直 loading", "", ""),
    ("mixed", OT, 0, "有没有 Mac 的 desktop app", "", ""),
]
