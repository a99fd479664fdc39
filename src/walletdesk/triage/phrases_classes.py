"""A sixth batch of phrases, written after measuring fresh set 3 (bench/data/triage_fresh3.jsonl):
the CLASSES of message it showed the model had too few of, in new wordings (none is a copy of an
evaluation message).

- theft told only by its effect on the balance ("shows 0", "is empty") after the event that
  caused it (a code handed over, a login alert ignored, an app installed from a link);
- zh/en code-switched verbs of taking ("被transfer走", "drain光了", "swap掉");
- impersonators who have the victim move money to a "protected" or "safe" account;
- a disowned withdrawal written half in English;
- near-misses: another person's loss with a prevention question, a withdrawal notice with the
  balance unchanged, a leaked seed rescued in time;
- trading restricted while log-in works (trading, not account_login);
- money sent out to the customer's own wallet elsewhere (withdrawal, not deposit), and "can
  someone look at it" addressed to support (no third party);
- opinions on the app or platform, good or bad (service_feedback, not other).
"""

from __future__ import annotations

INTENTS_CLASSES: dict[str, dict[str, list[str]]] = {
    "account_theft": {
        "en": [
            "read the sms code out to a caller from 'the fraud desk', my account balance went to nothing afterwards",
            "shared my authenticator code with an agent on whatsapp, the account reads zero now",
            "there was a new login email I ignored, the next morning the balance is 0",
            "installed a wallet upgrade from a link in a text message, the wallet shows zero tokens now",
            "put my keys into a wallet app from an instagram ad and now it's empty",
            "typed my recovery words on a page from a sponsored search result, account empty the day after",
            "a man from your compliance team told my dad to shift his USDT into a protected account and it never came back",
            "the caller said my coins were at risk and had me move them to a safe vault address, now they're gone",
            "I got an alert about a login from another country and by lunchtime my wallet was at zero",
            "after the fake update my {amt} balance is now empty and the history shows a send to {addr}",
        ],
        "zh": [
            "把短信验证码念给了打电话的人，之后账户余额就变成0了",
            "收到登录提醒没在意，今天一看余额是0",
            "装了一个群里发的钱包APP，现在钱包是空的",
            "照着邮件升级了钱包，第二天钱包就空了",
            "冒充平台安全部门的人让我妈把币转到所谓的保护账户，转完就没了",
            "登录通知显示有人在外地登录，过了一会余额成了零",
            "记录里有一笔提到外部地址的提币，不是我操作的",
            "我从来没有发起过提币，可记录里{amt}提到了一个陌生地址",
        ],
        "mixed": [
            "收到new device login的邮件，然后balance就是0了",
            "把verification code给了一个自称support的人，account现在是空的",
            "下载了一个fake wallet app，import了seed之后资产全空",
            "我的USDT被人transfer走了",
            "有人把我的币swap掉然后withdraw走了",
            "账户里的ETH被drain光了",
            "hacker把我的u全部send出去了",
            "我从来没有发起过withdrawal，history里却有一笔提到外部地址",
            "没做过任何transfer，balance却少了一半",
            "在一个网站上输了seed phrase，币就全没了",
            "把private key填到一个app里面，之后USDT被转走",
            "冒充official的人让我把coin转到protected wallet，转完人就不见了",
        ],
    },
    "security": {
        "en": [
            "my coworker's account was hacked last month, how do I keep mine from the same fate?",
            "seeing lots of people getting drained on twitter, which settings should I turn on",
            "my brother got scammed by a fake support agent, how can I protect my parents' accounts",
            "got an sms saying {amt} was withdrawn but my balance is the same and the history is empty, phishing?",
            "I leaked my seed but swept the wallet to a fresh one before anyone could touch it, what now",
            "an email says a withdrawal was confirmed, I made none and the balance is unchanged, is it real",
            "someone I know lost everything to a drainer, I want to make sure that never happens to me",
        ],
        "zh": [
            "同事的号被盗了，我想知道怎么防止我的也被盗",
            "朋友钱包被清空了，我该开启哪些保护",
            "收到提币成功的短信，但是余额没变，记录里也没有，是钓鱼短信吗",
            "助记词可能泄露了，我已经提前把币转到新钱包，还需要做什么",
            "看到新闻说很多人被盗，想问问怎么才能让账户更安全",
        ],
        "mixed": [
            "收到withdrawal成功的email，但balance没变，是不是phishing",
            "朋友的wallet被drain了，我要怎么protect我的account",
            "seed可能leak了，我已经把币转去新wallet了，还要做什么",
        ],
    },
    "trading": {
        "en": [
            "I can log in fine but every order is rejected with 'trading restricted'",
            "account isn't locked, only trading is disabled for me",
            "login works and withdrawals work, but I can't place any trades, it says my trading permission is limited",
            "not frozen, I can see my balance, just can't buy or sell anything",
        ],
        "zh": [
            "登录没问题，就是下不了单，显示交易权限被限制",
            "能正常登录和充提，但合约交易被禁用了",
            "账户没冻结，但是现货买卖按钮是灰的，说受限",
            "可以登录看余额，就是买卖不了，提示交易功能暂停",
        ],
        "mixed": [
            "login正常，但是trade被限制了",
            "account没有被freeze，就是不能下order",
        ],
    },
    "withdrawal": {
        "en": [
            "moved {amt} from here to my own Kraken address an hour ago, Kraken still shows nothing",
            "sent ETH out to my Ledger, it's not there yet",
            "can someone check my withdrawal, it's been under review since this morning",
            "sent to my own exchange account on another platform, it hasn't landed there",
            "could someone look at why my withdrawal to {addr} is taking so long",
        ],
        "zh": [
            "从你们这里转到我自己币安的地址，那边一直没收到",
            "转到我自己的冷钱包，那边还没到账",
        ],
        "mixed": [
            "转到我自己的metamask，那边还没到",
            "提到我自己另一个exchange的address，那边没收到",
        ],
    },
    "deposit": {
        "en": [
            "can someone look at my deposit, {amt} sent an hour ago and nothing yet",
        ],
    },
    "service_feedback": {
        "en": [
            "the app is way too complicated for someone my age",
            "love the new look of the app, well done",
            "your website is so cluttered I can never find anything",
            "the sign up flow asks for the same thing three times, please simplify",
            "honestly the best exchange app I've used, smooth and fast",
            "big thanks to Lisa in support, fixed it in minutes",
            "props to whoever answered my chat today, quick and clear",
            "kudos to the agent who helped me this morning",
        ],
        "zh": [
            "这个APP对老年人太不友好了，字太小操作太复杂",
            "新版界面挺好看的，点赞",
            "网页版的布局太乱了，找什么都找不到",
            "注册流程太繁琐了，同样的信息要填好几遍",
            "客服小王效率很高，几分钟就搞定了，表扬一下",
        ],
        "mixed": [
            "新的app design很nice，好评",
            "UI太乱了，找个setting都找半天",
        ],
    },
    "other": {
        "en": [
            "how can I close my account for good",
        ],
        "zh": [
            "我想注销账号，怎么操作",
        ],
    },
}
