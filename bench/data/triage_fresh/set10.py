"""Fresh triage evaluation set 10 (issue 6, helper "triage3"): the late set, written after round
4's last triage change (commit 1edc820) and measured once; its figure is reported as is.

Voices: voice-to-text without punctuation, elderly customers, formal letters, gamers' slang,
customers who only paste what the screen says, thefts discovered through a tax report or a
spouse, and drained wallets described by their transaction list. Hard negatives as in sets 8-9.
Fields as in set1.
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
    # ---- account_theft, zh
    ("zh", T, 0, "我老伴说账户里的钱怎么一分都没有了我们俩都没动过你们帮忙看看", "", ""),
    ("zh", T, 0, "截图给你们看：可用余额 0.00，冻结 0.00，昨天是 3.2 ETH", "", "3.2 ETH"),
    ("zh", T, 0, "做年度对账的时候才发现上个月有三笔提币不是我提的", "", ""),
    (
        "zh",
        T,
        0,
        "有个自称你们安全部门的人让我把资产转到他说的保护地址，现在那个地址的币已经被转走了",
        "",
        "",
    ),
    ("zh", T, 0, "账户里的币被换成了一个我没听说过的币，然后又被提到外面", "", ""),
    ("zh", T, 0, "我在网吧登录过一次，之后账户就被人掏了", "", ""),
    ("zh", T, 0, "我的钱去哪了？明明存了两万U，现在页面上什么都没有", "", "20000 USDT"),
    ("zh", T, 0, "有人盗用了我的身份在你们这里开户，然后用我的银行卡买币提走了", "", ""),
    ("zh", T, 0, "钱包连接了一个挖矿网站，第二天USDT余额成了零", "", ""),
    ("zh", T, 0, "我的账户被一个陌生设备登录，币都被提光了，请马上冻结", "", ""),
    ("zh", T, 0, "辛辛苦苦攒了三年的币，今天一看，全被人拿走了", "", ""),
    ("zh", T, 0, "我儿子的账户是我绑定的手机，刚收到提币成功短信，他说不是他弄的", "", ""),
    ("zh", T, 0, "账户明细里全是我看不懂的转出，钱一点不剩", "", ""),
    ("zh", T, 1, "你们平台不安全！我的币被人转得干干净净，必须赔偿", "", ""),
    ("zh", T, 0, "幣全部被轉到一個我不認識的地址，我根本沒有操作", "", ""),
    ("zh", T, 0, "我的帐号好像被别人用了，里面只剩一堆零头", "", ""),
    # ---- account_theft, en
    (
        "en",
        T,
        0,
        "hello my name is george i am 74 my grandson set this up for me and now the money is not showing it says zero i did not take it out",
        "",
        "",
    ),
    (
        "en",
        T,
        0,
        "Dear Sir or Madam, I write to report that the entire contents of my account were withdrawn on 3 May without my authorisation.",
        "",
        "",
    ),
    ("en", T, 0, "bro my bag is gone, somebody rugged my account not the coin", "", ""),
    (
        "en",
        T,
        0,
        "the screen just says Available: 0.00 and Recent activity: Withdrawal 1.8 BTC. that wasn't me",
        "",
        "1.8 BTC",
    ),
    (
        "en",
        T,
        0,
        "doing my taxes I found withdrawals from last month I never made, and the account is empty",
        "",
        "",
    ),
    (
        "en",
        T,
        0,
        "my wife noticed our joint account on here is empty, neither of us withdrew anything",
        "",
        "",
    ),
    ("en", T, 0, "someone ported my phone number and then my crypto was moved out", "", ""),
    ("en", T, 0, "connected to a fake mint site and it swept every token in my wallet", "", ""),
    (
        "en",
        T,
        0,
        "my tokens were all swapped into some junk coin and sent out, I didn't do any of it",
        "",
        "",
    ),
    (
        "en",
        T,
        0,
        "I am missing 4,000 USDT from my balance and I have not made any withdrawals",
        "",
        "4000 USDT",
    ),
    (
        "en",
        T,
        0,
        "the 'support' guy on whatsapp had me send my coins for verification and never sent them back",
        "",
        "",
    ),
    ("en", T, 0, "where did my money go?? I had a lot of ETH here and now nothing", "", ""),
    ("en", T, 0, "my account got cleaned out right after I logged in at a hotel computer", "", ""),
    (
        "en",
        T,
        0,
        "there is a withdrawal to an address I don't own and my balance is now almost nothing",
        "",
        "",
    ),
    ("en", T, 1, "You let someone empty my account. I expect a full refund.", "", ""),
    # ---- account_theft, mixed
    ("mixed", T, 0, "我的 wallet 被人 drain 光了", "", ""),
    ("mixed", T, 0, "page 上 available balance 0，昨天还有 5 ETH，我没有 withdraw", "", "5 ETH"),
    ("mixed", T, 0, "有人 access 了我的 account 把 coins 都 transfer 出去", "", ""),
    ("mixed", T, 0, "我的 USDT 全部被 send 到一个 address，不是我 send 的", "", ""),
    ("mixed", T, 0, "fake 的 support 让我 export private key，之后 wallet 里面什么都没了", "", ""),
    ("mixed", T, 0, "account 里面的 BTC 不在了，history 有一笔 withdraw 我不知道", "", ""),
    ("mixed", T, 0, "SIM card 被人 swap 了，然后 account 的币全部被提走", "", ""),
    ("mixed", T, 0, "我的 funds 全部 missing，没有任何 transaction 是我做的", "", ""),
    ("mixed", T, 0, "有人 login 我的 account 把币 sell 了然后 withdraw", "", ""),
    ("mixed", T, 0, "帮帮忙，我的 crypto 都被偷走了", "", ""),
    # ---- hard negatives, zh
    ("zh", W, 0, "提币显示已完成但是对方钱包没收到，余额已经扣了", "", ""),
    ("zh", TR, 0, "满仓的币一天跌了百分之九十，基本上什么都不剩了", "", ""),
    ("zh", TR, 0, "开了一百倍杠杆，被强平了，本金没了", "", ""),
    ("zh", S, 0, "有个群里的人说能帮我解冻账户，要我先转一笔手续费，我没转", "", ""),
    ("zh", S, 0, "我舅舅的币被骗了，是在别的交易所，他问我该怎么办", "", ""),
    ("zh", L, 0, "账户被限制了，余额能看到但是不能提现", "", ""),
    ("zh", W, 0, "我把币提到了自己另一个平台的地址，但是选错了网络", "", ""),
    ("zh", S, 0, "邮箱收到一封提币确认邮件，但是我的资产都没少，是钓鱼吗", "", ""),
    ("zh", S, 0, "看新闻说有交易所被黑了，你们这边资金安全吗", "", ""),
    ("zh", S, 0, "有人冒充客服加我微信，说我的账户异常要我提供验证码，我没给", "", ""),
    ("zh", W, 0, "提现到银行卡失败了，钱还没退回到余额", "", ""),
    # ---- hard negatives, en
    (
        "en",
        W,
        0,
        "withdrawal shows complete but my ledger hasn't received it, balance here is already lower",
        "",
        "",
    ),
    ("en", TR, 0, "I went all in on a coin that crashed 95%, there's basically nothing left", "", ""),
    ("en", TR, 0, "got liquidated on a 50x long, all the margin is gone", "", ""),
    ("en", S, 0, "a guy in a telegram group offered to unfreeze my account for a fee, I didn't pay", "", ""),
    ("en", S, 0, "my nephew's wallet on another app was hacked, how do I protect my own?", "", ""),
    ("en", L, 0, "my account is restricted, I can see my balance but I can't withdraw", "", ""),
    ("en", W, 0, "I withdrew to my other exchange but picked the wrong network", "", ""),
    ("en", S, 0, "got a withdrawal confirmation email but my balance is unchanged, phishing?", "", ""),
    ("en", S, 0, "read that an exchange got hacked, are my funds safe with you?", "", ""),
    ("en", S, 0, "someone pretending to be support asked for my 2FA code, I didn't give it", "", ""),
    ("en", W, 0, "bank withdrawal failed and the money hasn't come back to my balance", "", ""),
    # ---- hard negatives, mixed
    ("mixed", W, 0, "withdraw 显示 success 但是对方没收到，balance 已经扣了", "", ""),
    ("mixed", TR, 0, "coin crash 了 90%，我的 position 基本没了", "", ""),
    ("mixed", TR, 0, "100x 被 liquidate，margin 全没了", "", ""),
    ("mixed", S, 0, "有人说可以帮我 unfreeze account 要先付 fee，我没付", "", ""),
    ("mixed", S, 0, "我表弟在别的 exchange 被 hack 了，我要怎么 protect 我的", "", ""),
    ("mixed", L, 0, "account 被 restrict 了，balance 看得到但不能 withdraw", "", ""),
    ("mixed", W, 0, "我自己 withdraw 选错 network 了", "", ""),
    ("mixed", S, 0, "收到 withdrawal confirmation email，但是 balance 没变，是 phishing 吗", "", ""),
    # ---- deposit
    ("zh", D, 0, "充值了100U，链上成功了，账户还没显示", "", "100 USDT"),
    ("zh", D, 0, "法币充值有限额吗", "", ""),
    ("en", D, 0, "my SOL deposit is not showing after an hour", "", ""),
    ("en", D, 0, "do deposits need a memo for XRP", "", ""),
    ("mixed", D, 0, "deposit 的 address 可以重复用吗", "", ""),
    # ---- withdrawal
    ("zh", W, 0, "提币为什么需要人工审核", "", ""),
    ("zh", W, 0, "提现到账一般多久", "", ""),
    ("en", W, 0, "can I withdraw to a Lightning address", "", ""),
    ("en", W, 0, "withdrawal button says 'temporarily unavailable'", "", ""),
    ("mixed", W, 0, "withdraw 的 minimum amount 是多少", "", ""),
    # ---- trading
    ("zh", TR, 0, "挂单一直不成交怎么办", "", ""),
    ("zh", TR, 0, "网格交易怎么设置", "", ""),
    ("en", TR, 0, "why did my market order fill at a worse price", "", ""),
    ("en", TR, 0, "how do I close a futures position", "", ""),
    ("mixed", TR, 0, "OCO order 怎么用", "", ""),
    # ---- fees
    ("zh", F, 0, "提币手续费为什么是固定的", "", ""),
    ("zh", F, 1, "手续费扣了两次，请退一次给我", "", ""),
    ("en", F, 0, "is there a discount on trading fees if I hold your token", "", ""),
    ("en", F, 1, "I was charged a withdrawal fee on a withdrawal that failed, please refund it", "", ""),
    ("mixed", F, 0, "maker fee 和 taker fee 差多少", "", ""),
    # ---- service_feedback
    ("zh", SF, 1, "在线客服一直是机器人，问了半天没用，请安排人工处理", "", ""),
    ("zh", SF, 0, "客服很专业，点赞", "", ""),
    ("en", SF, 0, "how can I talk to a real person", "", ""),
    ("en", SF, 1, "nobody has answered my ticket in 5 days, please escalate", "", ""),
    ("mixed", SF, 0, "support team 很 helpful，thanks", "", ""),
    # ---- verification
    ("zh", V, 0, "实名认证提示证件已被使用", "", ""),
    ("zh", V, 0, "认证的时候活体检测一直不通过", "", ""),
    ("en", V, 0, "how long does address verification take", "", ""),
    ("en", V, 0, "my passport photo keeps getting rejected", "", ""),
    ("mixed", V, 0, "KYC 要上传 proof of address 吗", "", ""),
    # ---- account_login
    ("zh", L, 0, "登录一直转圈进不去", "", ""),
    ("zh", L, 0, "手机号换了，怎么修改绑定", "", ""),
    ("en", L, 0, "password reset link says expired", "", ""),
    ("en", L, 0, "I want to change the email on my account", "", ""),
    ("mixed", L, 0, "忘了 password，reset email 收不到", "", ""),
    # ---- security (ordinary)
    ("zh", S, 0, "怎么查看登录记录", "", ""),
    ("zh", S, 0, "想开启提币白名单", "", ""),
    ("en", S, 0, "how do I revoke an API key", "", ""),
    ("en", S, 0, "can I add a hardware key as 2FA", "", ""),
    ("mixed", S, 0, "怎么 enable withdrawal whitelist", "", ""),
    # ---- other
    ("zh", OT, 0, "你们有没有线下门店", "", ""),
    ("zh", OT, 0, "APP 更新之后打不开了", "", ""),
    ("en", OT, 0, "do you support staking", "", ""),
    ("en", OT, 0, "where can I download my account statement", "", ""),
    ("mixed", OT, 0, "有没有 English 版本的 app", "", ""),
    ("mixed", OT, 0, "你们的 office 在哪里", "", ""),
    ("mixed", D, 0, "deposit 了 ETH 但是选错 chain", "", ""),
    ("mixed", F, 0, "convert 有没有 fee", "", ""),
    ("mixed", V, 0, "selfie 一直 fail", "", ""),
    ("mixed", TR, 0, "spot order 被 cancel 了，为什么", "", ""),
]
