"""A fourth batch of phrases, written after the red-team round (data/redteam.jsonl) showed which
kinds of message the model had never seen: takeovers told through their mechanism (SIM swap,
drainer signatures, malware, leaked API keys, remote-access "technicians"), losses told only by
disowning the outgoing transfer, mixed zh/en verbs, and the near-misses next to them (a mistake
the customer made themselves, a scam that was refused). These are new phrasings of those kinds,
not copies of the red-team messages, which stay held out."""

from __future__ import annotations

INTENTS_REDTEAM: dict[str, dict[str, list[str]]] = {
    "account_theft": {
        "en": [
            "my carrier moved my number to a new SIM I never asked for and then my exchange balance was withdrawn",
            "signed a setApprovalForAll on a free mint page and the wallet got swept",
            "a keylogger on my laptop grabbed my login, the account was emptied overnight",
            "the address I pasted was not the one I copied, malware swapped it and the USDT went to the attacker",
            "somebody used my leaked API key to buy an illiquid token with everything I had",
            "I let a 'support technician' install AnyDesk and he withdrew my coins while I watched",
            "there's an outgoing transfer of 2 ETH in my history that I never sent",
            "got an alert that my withdrawal was successful but I never withdrew anything",
            "the intruder turned off my authenticator and sent the funds out",
            "a Discord mod said my wallet needed re-validation, I typed my recovery phrase and it was cleaned out",
            "I paid the 'unlock fee' the fake agent asked for and then he wanted more, I lost 1,200 USDT",
        ],
        "zh": [
            "手机卡被人补办了，对方收验证码把我账户的币都提走了",
            "签了一个授权后钱包被人一次性全部转空",
            "电脑被植入了木马，交易所账户被登录并提币",
            "复制的收款地址被病毒换掉了，币打到了黑客地址",
            "API密钥泄露后被人拿去对敲，资产亏光后被提走",
            "装了所谓客服发的远程软件，他当着我的面把币转走了",
            "提币记录里多了一笔我根本没发起过的提现",
            "收到提现成功的通知，可我压根没提过",
            "骗子冒充官方让我交解冻费，交了之后又要钱，已经损失两万",
            "在假钱包里导入了助记词，第二天余额就被清零",
        ],
        "mixed": [
            "SIM卡被swap了，然后账户里的USDT被withdraw光",
            "sign了一个approve之后wallet被drain",
            "被一个fake客服骗着把seed phrase给了他，之后资产全被转走",
            "我的API key被leak，有人用它把balance全部卖掉转出",
            "提币记录里有一笔withdraw不是我操作的",
        ],
    },
    "withdrawal": {
        "en": [
            "I pasted the wrong address myself when withdrawing, can it be returned",
            "I sent coins to a contract address by accident, is there any way back",
        ],
        "zh": [
            "我自己提币时地址填错了一位，还能找回吗",
            "不小心把币提到了合约地址上",
        ],
        "mixed": [
            "我自己把address填错了，withdraw出去的币还能追回吗",
        ],
    },
    "other": {
        "en": [
            "do you support staking on BNB chain?",
            "what is your official website address",
            "the app shows the wrong language, how do I change it to English",
            "where is your company registered",
            "will the app support face ID login in a future version",
            "does your exchange support the new token standard",
        ],
        "zh": [
            "你们支持质押吗",
            "你们官网网址是多少",
            "app显示的是英文，怎么切换成中文",
            "公司总部在哪里",
            "以后会支持苹果手表吗",
        ],
        "mixed": [
            "请问support不support Solana上的NFT",
        ],
    },
    "security": {
        "en": [
            "someone asked for my recovery phrase pretending to be support, I refused, just reporting it",
            "I clicked a suspicious link but didn't type anything, are my funds at risk?",
            "how do I see and revoke the token approvals I gave, nothing has been taken",
        ],
        "zh": [
            "有人冒充客服找我要助记词，我没给，举报一下",
            "点了一个可疑链接但什么都没输入，会有风险吗",
            "怎么查看和取消授权过的合约，币还没少",
        ],
        "mixed": [
            "有个fake support问我要seed phrase，我没给",
            "点了一个phishing link，但没connect wallet，资产都还在",
        ],
    },
}
