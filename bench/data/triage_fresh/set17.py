"""Fresh triage evaluation set 17 (issue 6, helper "triage", round 7): the late set, written at
commit 339ccb5 and measured once on the final code of the round. The guard changes of 0eeddf2
came after it was written (from the across-writer analysis, not from this set, which was not run
before its measurement); its writer knew its text while making them, so it is less blind than a
set written by someone else.

Voices: pinyin-IME homophone typos (体现 for 提现, 冲值, 帐户, 登陆), phone autocorrect and Chinglish
English ("my money is disappear", "withdrawl"), long rambling stories with life details, products
around the wallet (earn/staking, card, copy trading, sub-accounts, launchpool, NFTs), and hard
negatives beside each theft wording. Fields as in set1.
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
    # ---- zh (30: theft 8)
    ("zh", T, 0, "帐户里的钱被人体现走了，我自己没有体现过，记录里有两笔", "", ""),
    ("zh", T, 0, "昨晚手机在酒吧丢了，今天补卡登陆一看，USDT全没了，卡里的也被刷了", "", ""),
    ("zh", T, 1, "理财里的币被人赎回后转出去了，我没操作过，平台必须给我赔偿", "", ""),
    ("zh", T, 0, "子账户的API被人拿去对敲，主账户的钱全亏给了别人的账户", "", ""),
    ("zh", T, 0, "跟单的那个带单老师私信让我把币转给他代操作，转了三千U之后他就注销了", "", "3000 USDT"),
    ("zh", T, 0, "我老婆趁我睡着用我的指纹登了APP，把BTC转到她自己钱包里了，现在她不承认", "", ""),
    ("zh", T, 0, "新买的二手手机里好像有监控软件，登了一次APP，第二天ETH就被转到 {evm} 了", "", ""),
    ("zh", T, 0, "NFT被人挂了一个0.01的价格卖掉了，我根本没有挂单", "", ""),
    ("zh", S, 0, "有人冒充客服在电报上让我体现到他给的地址，我没体现，这个号要怎么举报", "", ""),
    ("zh", S, 0, "刚刚收到邮件说有新设备登陆，不是我，资产目前没动，先帮我锁一下账户", "", ""),
    ("zh", S, 0, "二手手机要不要重置了再装你们APP？怕有监控软件", "", ""),
    ("zh", L, 0, "帐号登陆不上去，一直说密码不对，找回密码的短信也收不到", "", ""),
    ("zh", L, 0, "出国了，国内手机号收不到验证码，登陆不了怎么办", "", ""),
    ("zh", W, 0, "体现到钱包三个小时了还没到，状态是处理中", "", ""),
    ("zh", W, 1, "体现一直被拒，客服也不给原因，你们到底要扣我钱到什么时候，给个说法", "", ""),
    ("zh", W, 0, "理财赎回以后能马上体现吗", "", ""),
    ("zh", D, 0, "冲值了两千U到你们的地址，走的波场，还没到帐", "TRC20", "2000 USDT"),
    ("zh", D, 0, "用银行卡买币付了钱，币一直没进帐户", "", ""),
    ("zh", TR, 0, "跟单的老师今天亏了好多，我跟单的仓位也跟着亏了40%，这个能停止跟单吗", "", ""),
    ("zh", TR, 0, "现货挂单买SOL，挂了一天都没成交，价格明明到过", "", ""),
    ("zh", TR, 0, "打新活动中签了，但是币一直没发到帐户", "", ""),
    ("zh", F, 0, "体现手续费为什么突然涨了？上周还是1U", "", "1 USDT"),
    ("zh", F, 1, "信用卡买币多收了我3%的手续费，页面上没写，退回来", "", ""),
    ("zh", SF, 0, "在线客服排队排了四十分钟，前面还有二十几个人", "", ""),
    ("zh", SF, 0, "小美客服态度超好，耐心教我爸怎么体现，给你们点个赞", "", ""),
    ("zh", V, 0, "身份认证上传身份证背面一直提示模糊，换了三个手机拍都不行", "", ""),
    ("zh", V, 0, "未成年可以做实名认证吗", "", ""),
    ("zh", OT, 0, "你们的加密卡在国外刷不了，提示交易被拒", "", ""),
    ("zh", OT, 0, "APP更新之后K线图的指标设置全没了，币都还在，就是设置没了", "", ""),
    ("zh", OT, 0, "理财产品的年化收益是怎么算的", "", ""),
    # ---- en (30: theft 7)
    (
        "en",
        T,
        0,
        "hello my money is disappear from account, I not do any withdrawl, please check who take it",
        "",
        "",
    ),
    (
        "en",
        T,
        0,
        "Long story, sorry. I was at my cousin's wedding all weekend, phone in my bag the whole time, and when I finally checked on Sunday night my whole ETH balance had been sent to {evm}",
        "",
        "",
    ),
    (
        "en",
        T,
        0,
        "someone redeemed my staking position early and withdrew it. wasn't me, I never touch that account",
        "",
        "",
    ),
    (
        "en",
        T,
        1,
        "My sub-account got emptied through an API key I never created. I want the funds restored.",
        "",
        "",
    ),
    (
        "en",
        T,
        0,
        "the copy-trading 'mentor' told me to send him my USDT so he could trade it for me. 2,000 USDT gone, he deleted his profile",
        "",
        "2000 USDT",
    ),
    ("en", T, 0, "my ex still had my password and cleared out my BTC last night", "", ""),
    ("en", T, 0, "my NFT got listed and sold for 0.001 ETH. I never listed it", "", "0.001 ETH"),
    (
        "en",
        S,
        0,
        "a 'mentor' from a copy-trading group wants me to send him USDT to manage. sounds off, I haven't sent anything",
        "",
        "",
    ),
    (
        "en",
        S,
        0,
        "new device login email just now, not me. everything's still in the account. can you lock it for now?",
        "",
        "",
    ),
    ("en", S, 0, "I bought a used phone, should I factory reset before installing your app?", "", ""),
    ("en", L, 0, "cant log in, it says my pasword is wrong but i just reset it", "", ""),
    ("en", L, 0, "I'm abroad and my home SIM doesn't get texts, how do I log in", "", ""),
    ("en", W, 0, "withdrawl to my wallet pending 3 hrs, is that normal", "", ""),
    ("en", W, 0, "can I withdraw right after redeeming from Earn or is there a lock?", "", ""),
    (
        "en",
        W,
        1,
        "My withdrawl keeps getting rejected with no reason. This is the fourth time. Explain or escalate.",
        "",
        "",
    ),
    ("en", D, 0, "deposite of 500 USDT on tron not showing after 1 hr", "TRC20", "500 USDT"),
    ("en", D, 0, "paid with my card for BTC, money left my bank, no BTC in my acount", "", ""),
    (
        "en",
        TR,
        0,
        "the trader I copy lost a lot today and my copy position is down 30%. how do I stop copying?",
        "",
        "",
    ),
    ("en", TR, 0, "won the launchpool lottery but the tokens never showed up", "", ""),
    ("en", TR, 0, "my limit buy on ETH never filled even though price touched it", "", ""),
    ("en", F, 0, "why did the withdrawal fee go up? it was 1 USDT last week", "", "1 USDT"),
    ("en", F, 1, "you charged me a 3% card fee that wasn't shown anywhere. refund it", "", ""),
    ("en", SF, 0, "40 min in the live chat queue, still 20 people ahead of me", "", ""),
    (
        "en",
        SF,
        0,
        "big thanks to the agent who walked my dad through his first withdrawal, super patient",
        "",
        "",
    ),
    ("en", V, 0, "ID upload keeps saying the back side is blurry, tried 3 phones", "", ""),
    ("en", V, 0, "can someone under 18 get verified?", "", ""),
    ("en", OT, 0, "your crypto card gets declined abroad, says transaction refused", "", ""),
    (
        "en",
        OT,
        0,
        "after the update all my chart indicators are gone. coins are fine, just the settings",
        "",
        "",
    ),
    ("en", OT, 0, "how is the APY on the savings product calculated?", "", ""),
    ("en", OT, 0, "do you have an office in Singapore I can visit?", "", ""),
    # ---- mixed (30: theft 7)
    ("mixed", T, 0, "我的 account 被人体现了两次，都不是我 withdraw 的", "", ""),
    ("mixed", T, 0, "phone 在 bar 丢了，补卡之后 login 一看 USDT 全 gone 了", "", ""),
    ("mixed", T, 0, "earn 里的 ETH 被人 redeem 然后 transfer 走了，我没动过", "", ""),
    ("mixed", T, 0, "sub-account 的 API key 不是我建的，balance 被清空了", "", ""),
    ("mixed", T, 0, "copy trading 的 mentor 让我把 USDT 转给他 manage，转了以后他 block 我了", "", ""),
    (
        "mixed",
        T,
        1,
        "我 ex 知道我的 password，昨天把我的 BTC 全部 withdraw 走了，你们要 freeze 她的地址并且 compensate 我",
        "",
        "",
    ),
    ("mixed", T, 0, "NFT 被人用 0.01 ETH 卖掉了，I never listed it", "", "0.01 ETH"),
    ("mixed", S, 0, "有个 copy trading mentor 让我转 USDT 给他，我没转，是 scam 吧", "", ""),
    ("mixed", S, 0, "收到 new device login 的 email，不是我，assets 还在，先帮我 lock 一下", "", ""),
    ("mixed", L, 0, "login 一直说 password 错误，reset 了也不行", "", ""),
    ("mixed", L, 0, "人在国外，SMS 收不到，怎么 login", "", ""),
    ("mixed", W, 0, "体现到 wallet 三个小时了还是 pending", "", ""),
    ("mixed", W, 0, "Earn redeem 之后可以马上 withdraw 吗", "", ""),
    ("mixed", W, 1, "withdrawal 又被 reject 了，第四次了，no reason，我要 escalate", "", ""),
    ("mixed", D, 0, "冲值 500 USDT 走 TRC20，一个小时了还没到", "TRC20", "500 USDT"),
    ("mixed", D, 0, "用 card 买 BTC，bank 已经扣钱了但 account 里没有 BTC", "", ""),
    ("mixed", TR, 0, "我 copy 的 trader 今天亏了很多，我的仓位 -30%，怎么 stop copy", "", ""),
    ("mixed", TR, 0, "launchpool 中签了但 token 一直没到", "", ""),
    ("mixed", TR, 0, "limit order 挂了一天没 fill，价格明明到过", "", ""),
    ("mixed", F, 0, "withdrawal fee 怎么涨了，上周还是 1 USDT", "", "1 USDT"),
    ("mixed", F, 1, "card 买币多收了 3% 的 fee，页面没写，please refund", "", ""),
    ("mixed", SF, 0, "live chat 排队 40 分钟，前面还有 20 个人", "", ""),
    ("mixed", SF, 0, "那个 agent 超 patient，教我爸 withdraw，给你们点赞", "", ""),
    ("mixed", SF, 1, "客服的 reply 全是 copy paste 的模板，根本没看我的问题，I want a supervisor", "", ""),
    ("mixed", V, 0, "KYC 上传 ID 背面一直说 blurry", "", ""),
    ("mixed", V, 0, "未满 18 岁可以做 KYC 吗", "", ""),
    ("mixed", OT, 0, "你们的 crypto card 在国外被 decline 了", "", ""),
    ("mixed", OT, 0, "update 之后 chart 的 indicators 全没了，coins 都在，只是 settings 没了", "", ""),
    ("mixed", OT, 0, "savings 产品的 APY 是怎么算的", "", ""),
    ("mixed", OT, 0, "你们在新加坡有 office 吗", "", ""),
]
