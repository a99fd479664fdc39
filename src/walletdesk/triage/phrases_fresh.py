"""A fifth batch of phrases, written after measuring on bench/data/triage_fresh.jsonl: the kinds
of message that batch showed the model had too few of. Theft told in slang or only by its effect
(a balance that dropped, coins in a wallet the customer never saw), and the near-misses beside
it: security questions that carry theft words (hypotheticals, worries, failed attempts, warnings
quoted from a phishing message), money in flight that has not shown up, losses on trades, fee
hyperbole; praise of an agent; listing, price and account-deletion questions (other); trade
restrictions (trading). New phrasings, not copies of any evaluation message."""

from __future__ import annotations

INTENTS_FRESH: dict[str, dict[str, list[str]]] = {
    "account_theft": {
        "en": [
            "my stack got rugged out of my own account, every coin left while I was at work",
            "whoever got into my account sold my ETH and sent the proceeds off to {addr}",
            "the balance fell from five figures to nothing overnight and I made no trades",
            "there are coins of mine sitting in a wallet I have never owned",
            "I handed my login to an 'account manager' from a Telegram group and he cashed everything out",
            "signed a message on a bogus staking site, a minute later the tokens were pulled out",
            "a person on WhatsApp posing as your refunds team got me to send {amt} to {addr}",
            "someone who had my password kept withdrawing until the account was empty",
            "my crypto has been taken, it was sent to {addr} and I never approved anything",
            "my partner found my 2fa backup codes and moved the funds to his own wallet",
            "got a call from 'fraud prevention', read them the code, account cleaned out minutes later",
            "every token in my wallet was transferred out in one block, I didn't sign it",
        ],
        "zh": [
            "我的币一夜之间跑到了一个我从没见过的钱包里",
            "余额从好几万掉到了零，我一笔交易都没做",
            "有人拿着我的密码一直在提币，直到账户被提空",
            "按“退款专员”的指引操作了一遍，账户里的USDT被转得一干二净",
            "前同事知道我的账号密码，偷偷把里面的币提走了",
            "在一个假的质押网站签了名，几分钟后代币全部被转出",
            "电话里自称风控中心的人要了我的验证码，随后账户就被掏空了",
            "我的{amt}被转到了 {addr}，这个地址我根本不认识",
            "账户里的币被别人卖成U提走了",
            "钱包里的代币全被划到了一个新地址，我什么都没签",
        ],
        "mixed": [
            "我的ETH被人sell掉然后withdraw走了",
            "account被人登了，余额直接变0",
            "有个自称refund team的让我转了{amt}，之后就消失了",
            "签了个permit之后wallet里的token全被转走",
        ],
    },
    "security": {
        "en": [
            "my password showed up in a data breach list, should I change it, nothing looks off",
            "if a hacker gets my email password can he also get into my wallet account?",
            "could someone drain my wallet just by knowing my public address?",
            "worried my account might get hacked while I travel, what settings should I turn on",
            "somebody tried to sign in with my email three times, all blocked, funds untouched",
            "an sms claims my account was compromised and gives a link to fix it, is that from you",
            "a stranger on Discord offered to recover stolen crypto for me; I lost nothing, just flagging it",
            "my friend lost coins to a fake airdrop, how do I check which contracts can spend mine",
            "is it true that scammers can empty wallets through fake token approvals?",
            "I almost paid a fake agent but stopped in time, should I change anything?",
            "how can I add an address whitelist so nobody can withdraw elsewhere",
            "want to set an anti-phishing phrase so I can spot fake emails",
        ],
        "zh": [
            "我的密码出现在泄露名单里，要不要改，账户看着正常",
            "要是我的邮箱被盗了，钱包账户会不会有危险",
            "别人只知道我的地址，能不能把我的币转走",
            "担心哪天账户被黑，有什么安全设置推荐吗",
            "有人一直尝试登录我的账号，都被拦截了，资产没动",
            "收到短信说我的账户被盗需要点链接处理，这是官方的吗",
            "听说很多人的币被盗了，我该怎么保护自己的钱包",
            "我朋友的钱包被盗了，我想检查一下自己的授权",
            "差点把币转给假客服，还好及时发现，需要改密码吗",
            "提币白名单在哪里开启，想防止被盗",
        ],
        "mixed": [
            "如果我的email被hack了，wallet会不会有风险",
            "有人try登录我的account好几次，都被block了，资产都在",
            "听说fake airdrop能drain钱包，怎么防",
        ],
    },
    "deposit": {
        "en": [
            "deposited {amt} and it vanished, not in my balance, tx shows confirmed on chain",
            "moved coins over from another exchange and they seem to have disappeared, explorer says success",
            "my deposit is missing, hash {tx}, already has enough confirmations",
        ],
        "zh": [
            "充值的币不见了，区块浏览器显示已经成功",
            "从别的交易所转过来的U消失了，链上已确认",
            "充了{amt}，钱没了也没到账，哈希 {tx}",
        ],
        "mixed": [
            "deposit的USDT不见了，链上显示success",
        ],
    },
    "withdrawal": {
        "en": [
            "withdrew to my hardware wallet and the coins are missing, explorer still says pending",
            "my withdrawal vanished, status completed but nothing at {addr}",
            "sent my coins to the wrong chain myself and now they're gone, can you help recover",
        ],
        "zh": [
            "提到自己冷钱包的币不见了，浏览器显示还在确认",
            "提现显示成功了，但币没了，{addr} 上查不到",
            "我自己选错网络提币，币没了能找回吗",
        ],
        "mixed": [
            "提币到我的ledger，coins不见了，explorer还是pending",
        ],
    },
    "trading": {
        "en": [
            "bought the top and now I'm down 40%, should I sell",
            "got wiped out on my long when the market dumped",
            "lost a ton on that futures trade, your liquidation engine is a joke",
            "my margin is all gone after the position was force closed",
            "account shows 'trading restricted', I can only withdraw, why",
            "why was my spot trading disabled? withdrawals still work",
            "my take profit filled way below the trigger price",
        ],
        "zh": [
            "被割韭菜了，买在山顶",
            "追高买入被套牢了怎么办",
            "合约亏了好多，你们这个强平机制太坑了",
            "仓位被强制平仓，保证金全没了",
            "账户显示交易受限，只能提现，这是为什么",
            "现货交易被限制了，提币倒是正常",
        ],
        "mixed": [
            "追高被套了，要不要stop loss",
            "账户被restrict交易了，只能withdraw",
            "合约被强平，margin全没了",
        ],
    },
    "fees": {
        "en": [
            "you basically stole 10 usdt from me in withdrawal fees, refund the extra|C",
            "the network fee took half of my transfer, that's robbery",
        ],
        "zh": [
            "手续费收这么多跟抢钱一样",
            "多扣的手续费等于偷了我的钱，请退回|C",
        ],
        "mixed": [
            "fee太离谱了，跟抢劫一样",
        ],
    },
    "service_feedback": {
        "en": [
            "is there a hotline I can ring to reach an actual person",
            "can a human agent call me back instead of the bot",
            "big thanks to the agent who helped me today, super quick and friendly{praise}",
            "shoutout to your support team, fixed my problem in minutes{praise}",
            "the chat agent was patient and explained everything, 10/10{praise}",
            "your support bot wasted an hour of my time and solved nothing",
            "waiting this long for a human is ridiculous",
        ],
        "zh": [
            "有没有人工客服电话可以打",
            "能不能让真人客服给我回个电话",
            "感谢今天帮我处理问题的客服，回复很快很耐心{praise}",
            "给你们客服点个赞，几分钟就解决了{praise}",
            "机器人客服只会复制粘贴，浪费我一个小时",
        ],
        "mixed": [
            "今天的support agent很nice，问题很快解决了{praise}",
        ],
    },
    "other": {
        "en": [
            "will you list this new memecoin soon?",
            "BTC just hit a new high, is it still a good time to buy?",
            "how do I close and delete my account for good",
            "the app eats my phone battery, is that normal",
            "is there an API to pull my balances into a spreadsheet",
            "the app shows zero balance after the update but the website is fine, display issue?",
        ],
        "zh": [
            "什么时候上线新币？想买",
            "比特币涨这么多，现在还能上车吗",
            "怎么注销账户",
            "app更新后特别耗电",
            "有没有开放API可以查行情",
            "申请上架我们项目的代币找谁",
        ],
        "mixed": [
            "请问什么时候list这个token",
            "怎么delete我的account",
        ],
    },
    "account_login": {
        "zh": [
            "手机丢了，换了新手机怎么登录",
            "换了手机以后app登不上了",
        ],
        "en": [
            "lost my phone, how do I sign in on the new one",
            "got a new phone and can't get into the app anymore",
        ],
    },
}
