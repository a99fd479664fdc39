"""Fresh triage evaluation set 9 (issue 6, helper "triage3"): the late set, written after round
4's last triage change (commit 97bacf2) and measured once; its figure is reported as is.

New voices for thefts: the loss seen in the order/asset history, told by numbers that fell, by
what is "left", by a relative, by a thief who "borrowed" the account; hard negatives as in set 8
(pending, market, refused, someone else's loss, frozen, own mistakes). Fields as in set1.
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
    ("zh", T, 0, "我账户里面的币一夜之间变成了别人的", "", ""),
    ("zh", T, 0, "刚才收到提币成功的短信，可我人在医院根本没碰手机", "", ""),
    ("zh", T, 0, "资金记录里出现了一笔我完全没印象的转出，余额少了一大半", "", ""),
    ("zh", T, 0, "我的账户被别人借壳了，里面的钱被他提干净了", "", ""),
    ("zh", T, 0, "今天登进去，账户里就剩几毛钱", "", ""),
    ("zh", T, 0, "我辛辛苦苦存的USDT一笔被转没了", "", ""),
    ("zh", T, 0, "钱包里什么都不剩了，我昨晚什么都没做", "", ""),
    ("zh", T, 0, "骗子冒充你们工作人员，让我把币转到他给的地址，我转了之后他就消失了", "", ""),
    ("zh", T, 0, "我点了一个空投领取的网页，签了个名，然后钱包里的U全部被划走", "", ""),
    ("zh", T, 0, "帐户里的以太坊全部被转去一个陌生的钱包，我没有授权", "", ""),
    ("zh", T, 0, "我女儿说她的账户被人登录了，币全没了，她不会用电脑让我来问", "", ""),
    ("zh", T, 0, "手机卡突然没信号了，接着账户的币就被提光", "", ""),
    ("zh", T, 0, "账户总资产从五万多掉到只有几十", "", ""),
    ("zh", T, 0, "我存的币被人卖掉了，钱也被提走，记录里的设备不是我的", "", ""),
    ("zh", T, 1, "账户被盗走八千U，你们必须给我一个说法并赔偿", "", "8000 USDT"),
    ("zh", T, 0, "我的资产没有了，找了半天也没找到去哪了", "", ""),
    # ---- account_theft, en
    (
        "en",
        T,
        0,
        "my account is practically empty now and the withdrawal history has entries I never made",
        "",
        "",
    ),
    ("en", T, 0, "Somebody borrowed my account without asking and left me with nothing", "", ""),
    ("en", T, 0, "had 10k usdt this morning, now there's like 3 dollars", "", "10000 USDT"),
    ("en", T, 0, "my whole stack is gone and I never pressed withdraw", "", ""),
    (
        "en",
        T,
        0,
        "I'm writing for my mother: her account here was logged into from abroad and her coins were moved out",
        "",
        "",
    ),
    ("en", T, 0, "my crypto got shipped off to an address I don't own", "", ""),
    ("en", T, 0, "i didnt do any transfer but my coins are not in my account", "", ""),
    ("en", T, 0, "a fake airdrop site drained my wallet after I signed one message", "", ""),
    ("en", T, 0, "the person who said he was from your fraud team took all my money", "", ""),
    ("en", T, 0, "my balance is way lower than yesterday and there are sells I never placed", "", ""),
    ("en", T, 0, "Someone's been in my account, everything's been converted to USDT and withdrawn", "", ""),
    ("en", T, 0, "all my SOL left the account at 3am, I was asleep", "", ""),
    ("en", T, 0, "I have been robbed on your platform, my funds are no longer mine", "", ""),
    ("en", T, 0, "my eth is sitting in somebody else's wallet now and I didn't put it there", "", ""),
    ("en", T, 1, "Your security let a hacker clear out my account. I demand compensation.", "", ""),
    # ---- account_theft, mixed
    ("mixed", T, 0, "我的 account 只剩下几 cents 了，withdrawal history 有我没做过的", "", ""),
    ("mixed", T, 0, "wallet 里的 USDT 全部被 sweep 走了", "", ""),
    ("mixed", T, 0, "有人 take over 了我的 account，币都被 sell 然后 withdraw", "", ""),
    ("mixed", T, 0, "我的 coins 现在在一个 unknown address，我没有 send", "", ""),
    ("mixed", T, 0, "balance 从 2 BTC 变成 nothing，我没有 trade", "", "2 BTC"),
    ("mixed", T, 0, "签了一个 permit 之后 tokens 就被 drain 了", "", ""),
    ("mixed", T, 0, "我妈的 account 被人 login，她的 funds 全没了", "", ""),
    ("mixed", T, 0, "我的 savings 一夜之间都 vanish 了", "", ""),
    ("mixed", T, 0, "有个 fake support 叫我 transfer 到 safe wallet，我转了，现在联系不上他", "", ""),
    ("mixed", T, 0, "account 里面 empty 了，记录有 withdraw 到陌生 address", "", ""),
    ("mixed", T, 0, "我的币 disappear 了，我什么都没 click", "", ""),
    # ---- hard negatives, zh
    ("zh", W, 0, "提现申请提交了，余额已经冻结，银行卡还没收到", "", ""),
    ("zh", TR, 0, "合约被强平，账户只剩一点点了", "", ""),
    ("zh", TR, 0, "买的山寨币归零了，钱全亏完了", "", ""),
    ("zh", S, 0, "有人发私信说能帮我把币翻倍，叫我先转过去，我没理他", "", ""),
    ("zh", S, 0, "我同事的钱包被盗了，他用的是别的交易所，我想知道你们这边怎么防", "", ""),
    ("zh", L, 0, "账号被冻结了，余额都显示着但是什么都操作不了", "", ""),
    ("zh", W, 0, "我自己提币的时候选错了链，币没到，能找回来吗", "", ""),
    ("zh", S, 0, "收到异地登录提醒，马上改了密码，币一个都没少", "", ""),
    ("zh", S, 0, "听说最近有人被盗，我的资产还安全吗", "", ""),
    ("zh", W, 0, "转给朋友的USDT一直显示处理中", "", ""),
    ("zh", S, 0, "有人冒充客服让我下载远程软件，我没下载", "", ""),
    ("zh", TR, 0, "币价暴跌，我的资产少了一半，心疼", "", ""),
    # ---- hard negatives, en
    ("en", W, 0, "withdrawal stuck on processing, balance already deducted", "", ""),
    ("en", TR, 0, "my position got liquidated overnight and the account is almost empty", "", ""),
    ("en", TR, 0, "the memecoin I bought went to zero, lost everything", "", ""),
    (
        "en",
        S,
        0,
        "some guy on discord wanted me to move my coins to his 'secure vault', I blocked him",
        "",
        "",
    ),
    ("en", S, 0, "my brother got hacked on a different exchange, how do I keep my account safe", "", ""),
    ("en", L, 0, "my account is suspended, I can see my balance but can't trade or withdraw", "", ""),
    ("en", W, 0, "I sent ETH on the wrong chain myself, can support recover it", "", ""),
    ("en", S, 0, "got a login alert from another city, checked everything and nothing was touched", "", ""),
    ("en", S, 0, "is my crypto safe on your exchange after the news about hacks?", "", ""),
    ("en", W, 0, "I moved my USDT to my cold wallet two hours ago and it still hasn't shown up", "", ""),
    ("en", S, 0, "someone keeps trying to reset my password, funds are fine for now", "", ""),
    # ---- hard negatives, mixed
    ("mixed", W, 0, "withdraw 了但是 status 一直 processing", "", ""),
    ("mixed", TR, 0, "被 liquidate 之后 account 差不多 empty 了", "", ""),
    ("mixed", TR, 0, "market dump 了，我的 portfolio 少了一半", "", ""),
    ("mixed", S, 0, "有人 DM 我说 account 有问题叫我 verify wallet，我没理", "", ""),
    ("mixed", S, 0, "我朋友的 wallet 被 drain 了，我要怎么 check 我自己的 approvals", "", ""),
    ("mixed", L, 0, "account 被 restrict 了，balance 还在但是不能 trade", "", ""),
    ("mixed", W, 0, "我自己 withdraw 错 network 了", "", ""),
    ("mixed", S, 0, "收到 new device login 的 email，但是我的 coins 都还在", "", ""),
    ("mixed", S, 0, "听说有 users 被 hack，我的 account 安全吗", "", ""),
    # ---- deposit
    ("zh", D, 0, "充值的ETH一直在等区块确认", "", ""),
    ("zh", D, 0, "用银行卡买币扣款成功了但是币没到", "", ""),
    ("en", D, 0, "my deposit from another exchange hasn't arrived after 2 hours", "", ""),
    ("en", D, 0, "which network should I use to deposit USDT", "", ""),
    ("mixed", D, 0, "deposit BTC 要几个 confirmation", "", ""),
    ("mixed", D, 0, "充值 的 memo 填错了", "", ""),
    # ---- withdrawal
    ("zh", W, 0, "提现到支付宝可以吗", "", ""),
    ("zh", W, 0, "为什么提币按钮是灰色的", "", ""),
    ("en", W, 0, "how long do BTC withdrawals take", "", ""),
    ("en", W, 0, "my withdrawal was rejected, it says risk control", "", ""),
    ("mixed", W, 0, "withdraw 到 metamask 要选哪个 network", "", ""),
    # ---- trading
    ("zh", TR, 0, "市价单成交价格和显示的差太多了", "", ""),
    ("zh", TR, 0, "跟单交易怎么取消", "", ""),
    ("en", TR, 0, "my stop limit order didn't execute", "", ""),
    ("en", TR, 0, "how do I convert small balances to BNB", "", ""),
    ("mixed", TR, 0, "futures 的 funding rate 在哪里看", "", ""),
    ("mixed", TR, 0, "order 一直 partially filled", "", ""),
    # ---- fees
    ("zh", F, 0, "VIP等级手续费有优惠吗", "", ""),
    ("zh", F, 1, "提币手续费扣错了，多扣了10U，请退还", "", "10 USDT"),
    ("en", F, 0, "why was I charged a network fee on an internal transfer", "", ""),
    ("en", F, 0, "what are the futures trading fees", "", ""),
    ("mixed", F, 0, "withdraw USDT 的 fee 是多少", "", ""),
    # ---- service_feedback
    ("zh", SF, 0, "怎么联系人工客服", "", ""),
    ("zh", SF, 1, "客服态度太差了，我要投诉", "", ""),
    ("en", SF, 0, "thanks, the agent sorted it out quickly", "", ""),
    ("en", SF, 1, "I've been waiting a week for a reply, this is unacceptable, escalate it", "", ""),
    ("mixed", SF, 0, "怎么找 real human 客服", "", ""),
    ("mixed", SF, 0, "app 的 trading 页面太复杂了", "", ""),
    # ---- verification
    ("zh", V, 0, "实名认证上传照片一直失败", "", ""),
    ("zh", V, 0, "高级认证要多久审核", "", ""),
    ("en", V, 0, "what documents do I need for KYC level 2", "", ""),
    ("en", V, 0, "my ID verification has been pending for 5 days", "", ""),
    ("mixed", V, 0, "KYC 被 reject 了，reason 是照片模糊", "", ""),
    # ---- account_login
    ("zh", L, 0, "邮箱收不到登录验证码", "", ""),
    ("zh", L, 0, "想把绑定的邮箱换成新的", "", ""),
    ("en", L, 0, "I can't log in, it says wrong password but I'm sure it's right", "", ""),
    ("en", L, 0, "how do I change the phone number on my account", "", ""),
    ("mixed", L, 0, "login 一直 fail，password 是对的", "", ""),
    # ---- security (ordinary)
    ("zh", S, 0, "怎么查看登录设备", "", ""),
    ("en", S, 0, "how do I turn on 2FA with an authenticator app", "", ""),
    ("mixed", S, 0, "怎么 setup anti-phishing code", "", ""),
    # ---- other
    ("zh", OT, 0, "你们平台有没有上线某某币的计划", "", ""),
    ("zh", OT, 0, "APP一打开就闪退", "", ""),
    ("en", OT, 0, "do you have an API for market data", "", ""),
    ("en", OT, 0, "is there a referral bonus", "", ""),
    ("mixed", OT, 0, "你们有 desktop app 吗", "", ""),
]
