"""Material for the second fresh red-team set (make.py --set 2), written late in issue 6's work
and apart from set 1: new clean messages and new secret framings. Measured once."""

from __future__ import annotations

import json
import random
import unicodedata

from mnemonic import Mnemonic

CLEAN_EN_2 = [
    "Good morning. Yesterday at 14:32 UTC I withdrew {AMT} USDT via {NET} to {ADDR} and the status says completed, "
    "but the recipient exchange says nothing arrived. TxID {TX}. Could you send me a screenshot of the on-chain record?",
    "Why do I need to do KYC again? I already verified in March. My user id is {UID}.",
    "I am a long-time customer and honestly disappointed. The spread on the convert page is terrible compared to last year.",
    "Please delete my account and all personal data under GDPR.",
    "hey guys, quick q: is the {COIN} network under maintenance? my withdrawal {ORDER} is stuck",
    "Following up on ticket #{UID}. Still no answer after 5 days!!",
    "Here are both hashes as requested:\n{TX}\n{TX}\nBoth deposits were to my {NET} address {ADDR}.",
    "Your website says deposits need 12 confirmations but mine has 40 and still isn't credited: {LINK}",
    "My phone was stolen last night. I still have access to my email. Please lock my account until I get a new phone.",
    "I received 0.0001 ETH from an address I don't know ({EVM}) and then a token called 'USDT-Reward'. Is this a scam?",
    "Can you confirm the contract address of USDT on Tron? I have TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t, is that right?",
    "Recovery phrase backup reminder popped up in the app. I wrote the 24 words in a notebook. Is it fine to also keep a photo? (I won't send it here.)",
    "Error 'insufficient gas' when I swap. I have 0.002 ETH in {EVM}.",
    "The verification email link expired three times in a row, please resend.",
    "I'm a developer integrating your API. Webhook signature header X-Signature: {HEX32}{HEX32} — how do I verify it?",
    "Block explorer shows the transfer at block 19283746 with hash {TX}, status success, 64 confirmations.",
    "Our company account needs a second admin. Who do I contact for corporate onboarding?",
    "I was charged twice for the same card purchase of USDT. Order numbers {ORDER} and {ORDER}. Please refund one.",
    "Is there a limit on how much BTC I can withdraw per day without extra verification?",
    "I think my account got hacked: password changed, 2FA disabled, and {AMT} {COIN} withdrawn to {ADDR}. Hash {TX}",
    "Hello, I bought a hardware wallet and want to move everything from the app to it. Which networks are cheapest for USDT?",
    "Lightning invoice payment failed but the sats left my balance. Payment hash {HEX32}",
    "The chart doesn't load on the iPad version, just a grey box.",
    "I want to report a phishing site pretending to be you: walletdesk-support-verify.com asks for the 12 words.",
    "Please explain why my P2P order was cancelled by the system while the buyer had already paid.",
]
CLEAN_ZH_2 = [
    "客服您好，我于今天上午通过{NET}网络提现{AMT}U到{ADDR}，系统显示已完成，但对方交易所说没有收到，交易哈希：{TX}，请协助核实。",
    "你们这个平台到底还能不能用了？提币审核了三天还没通过，客服也找不到人，再不处理我就去投诉。",
    "请问一下，如果我忘记了资金密码，要怎么重置？需要重新做人脸识别吗？",
    "我在群里看到有人说你们要跑路了，是真的吗？我的币还能取出来吗？",
    "充值地址是不是每次都一样的？我上次充到了{TRON}，这次还能用吗？",
    "今天凌晨三点收到一条登录提醒，IP是国外的，但我当时在睡觉，请帮我看看是不是被盗了，目前资产还在。",
    "哈希{TX}，这笔ERC20的USDT显示成功，但是账户里一直没有，已经六个小时了。",
    "我是老用户了，想问问有没有VIP费率，交易量每个月大概两百万U。",
    "区块浏览器链接：{LINK}，麻烦看一下为什么还没到账。",
    "你们的APP在安卓14上打不开，一直白屏，已经卸载重装好几次了。",
    "我妈妈不小心把助记词拍照发到了家庭群里，现在该怎么办？需要换钱包吗？",
    "关于上次的退款申请，单号{ORDER}，到现在还没有收到，请给个准确的时间。",
    "平台的安全中心里有一个“防钓鱼码”，这个是干什么用的？怎么设置？",
    "我想把币从交易所转到冷钱包，需要先在白名单里添加地址{EVM}吗？",
    "春节期间提现会不会延迟？我下周要用钱。",
    "合约账户里的保证金被强平了，但我觉得当时的标记价格不对，要求平台给出解释并赔偿损失。",
    "我注册的时候用的是旧手机号，现在号码已经注销了，还能换绑吗？",
    "您好，刚才转账的时候地址复制错了一位，转到了一个不存在的地址，钱还能退回来吗？哈希是{TX}。",
    "我想咨询一下税务方面的问题，你们能不能出具一份年度交易汇总？",
    "客服你们好，今天操作时系统提示“账户存在风险，暂时限制提现”，请问需要提供什么材料才能解除限制？",
]
LONG_ZH_3 = (
    "我想详细说明一下我遇到的情况，希望你们能够认真对待。上个月中旬，我在你们的平台上购买了一些比特币，"
    "当时的价格大概是六万多美元一个，我一共买了零点五个。之后我一直没有动过这笔资产，直到前几天我打算把它转到"
    "我自己的硬件钱包里。我按照页面提示填写了提币地址{BTC}，选择了比特币主网，然后输入了验证码。"
    "提交之后页面显示审核中，第二天变成了已完成，但是我的硬件钱包里一直没有收到。我去区块浏览器查了一下，"
    "发现交易哈希{TX}对应的接收地址和我填写的不一样，只有开头和结尾几位相同。我怀疑我的电脑中了剪贴板病毒，"
    "也可能是你们的系统出了问题。无论如何，我希望你们能帮我查清楚这笔钱到底去了哪里，"
    "如果有可能的话，联系对方平台冻结这笔资产。我已经报警了，警方需要你们出具相关的交易记录，请尽快提供。"
    "另外我想提醒其他用户，一定要仔细核对地址，不要只看开头和结尾。谢谢你们的帮助。"
)
CLEAN_MIXED_2 = [
    "我的 withdrawal 被 reject 了，reason 写的是 address invalid，但是 {ADDR} 明明是对的",
    "请问 Arbitrum 上的 USDC 能直接 deposit 吗？还是要先 bridge 到 ERC20？",
    "客服，我的 txid {TX} 已经 confirm 了但是 balance 还是 0",
    "这个 airdrop 是 official 的吗？让我 connect wallet 然后 approve，我没点",
    "help!! 账号 login 不上，提示 device not recognized，邮箱 code 也收不到",
    "fee 怎么又涨了，上周 withdraw TRC20 才 1U，现在要 3U，why？",
    "我用的是 {NET}，memo 忘填了，hash 是 {TX}，can you help？",
]
CLEAN_JA_2 = [
    "お世話になっております。本日{NET}で{AMT} USDTを出金しましたが、まだ着金していません。取引ハッシュ：{TX}",
    "アプリのアップデート後、ログインするたびに認証コードを求められます。仕様でしょうか。",
    "口座が凍結されたと通知が来ましたが、理由がわかりません。ユーザーIDは{UID}です。",
    "先月の取引履歴をCSVでダウンロードしたいのですが、どこから操作すればいいですか。",
    "フィッシングサイトを見つけました。公式サイトにそっくりで、秘密鍵の入力を求めてきます。注意喚起をお願いします。",
    "入金アドレス{ADDR}に送金しましたが反映されません。ブロックエクスプローラーでは承認済みです：{LINK}",
    "おはようございます。きょうはとてもさむいですね。ところで、しゅっきんのてすうりょうはいくらですか。",
]
CLEAN_KO_2 = [
    "안녕하세요. {NET} 네트워크로 {AMT} USDT를 출금했는데 아직 도착하지 않았습니다. 트랜잭션 해시: {TX}",
    "앱 업데이트 후 로그인할 때마다 인증 코드를 요구합니다. 정상인가요?",
    "계정이 동결되었다는 알림을 받았는데 이유를 모르겠습니다. 사용자 ID는 {UID}입니다.",
    "피싱 사이트를 발견했습니다. 공식 사이트와 똑같이 생겼고 개인키 입력을 요구합니다. 공지 부탁드립니다.",
    "입금 주소 {ADDR}로 보냈는데 반영이 안 됩니다. 익스플로러에서는 완료로 나옵니다: {LINK}",
    "고객센터 답변이 너무 느려요. 벌써 일주일째 기다리고 있습니다. 보상해 주세요.",
]
CLEAN_OTHER_2 = [
    "Hola, ¿por qué mi retiro {ORDER} sigue pendiente? El hash es {TX}.",
    "Bonjour, je n'arrive pas à valider mon identité, le selfie est toujours refusé.",
    "Olá, fiz um depósito de {AMT} USDT pela rede {NET} e ainda não caiu. Hash: {TX}",
    "Buongiorno, la commissione di prelievo è cambiata? Ieri era più bassa.",
    "Здравствуйте, хэш транзакции {TX}, депозит не зачислен уже сутки.",
    "Merhaba, işlem hash {TX} ama bakiyem güncellenmedi.",
]
LOG_2 = (
    '{{"event": "withdrawal.completed", "id": "{ORDER}", "asset": "{COIN}", "amount": "{AMT}", '
    '"to": "{ADDR}", "tx_hash": "{TX}", "network": "{NET}", "user_id": {UID}}}'
)

CLEAN_POOL_2 = {
    "en": CLEAN_EN_2,
    "zh": CLEAN_ZH_2,
    "mixed": CLEAN_MIXED_2,
    "ja": CLEAN_JA_2,
    "ko": CLEAN_KO_2,
    "other": CLEAN_OTHER_2,
    "long_zh": [LONG_ZH_3],
    "webhook": [LOG_2],
}

# New framings for secrets: a forwarded chat log, an e-mail with a signature, a webhook payload,
# a quoted reply, a form dump.
FRAMES_2 = [
    "---------- Forwarded message ---------\nFrom: Wallet Support <support@wallet-help.io>\n"
    "Please reply with your recovery words to complete validation.\n\n> {S}\n\nSent from my iPhone",
    '{{"event": "message.created", "ticket": 8812, "body": "{S}", "channel": "widget"}}',
    "Name: Li Wei\nEmail: liwei88@example.com\nIssue: wallet empty\nDetails: {S}\nAttachments: none",
    "On Tue, the agent wrote:\n> please provide the phrase\nOK here: {S}\n\nRegards,\nAhmed",
    "[10:02] me: is this safe?\n[10:03] me: {S}\n[10:05] me: hello??",
    "老师让我把这个发给你们核对一下：{S}（是不是有人盗了我的钱包）",
]


def extra_secret_rows(rng: random.Random) -> list[dict]:
    from make import hex_, keystore_json, solana_secret, wif, write_words, xprv  # noqa: PLC0415

    rows = []

    def add(secret: str, kind: str, form: str) -> None:
        frame = rng.choice(FRAMES_2)
        if frame.startswith('{{"event"'):
            secret_json = json.dumps(secret)[1:-1]
            start = frame.format(S="\0").index("\0")
            text = frame.format(S=secret_json)
            rows.append(dict(text=text, kind=kind, form=form, spans=[[start, start + len(secret_json)]]))
            return
        start = frame.index("{S}")
        rows.append(
            dict(
                text=frame.replace("{S}", secret, 1),
                kind=kind,
                form=form,
                spans=[[start, start + len(secret)]],
            )
        )

    languages = ["english", "chinese_simplified", "chinese_traditional", "japanese", "korean", "spanish",
                 "french", "italian", "czech", "portuguese"]  # fmt: skip
    for language in languages:
        for form in ("space", "lines", "numbered_dot", "comma"):
            words = Mnemonic(language).to_mnemonic(rng.randbytes(rng.choice([16, 24, 32]))).split()
            words = [unicodedata.normalize("NFC", w) for w in words]
            add(write_words(rng, words, language, form), "mnemonic", f"{language}/frame2_{form}")
    for language in ("english", "japanese", "spanish", "korean"):
        words = [
            unicodedata.normalize("NFC", w) for w in Mnemonic(language).to_mnemonic(rng.randbytes(16)).split()
        ]
        add("".join(words), "mnemonic", f"{language}/frame2_glued")
    add(hex_(rng, 32), "private_key", "hex/frame2")
    add("0x" + hex_(rng, 32), "private_key", "hex/frame2")
    add(wif(rng, compressed=True), "private_key", "wif/frame2")
    add(xprv(rng), "extended_private_key", "xprv/frame2")
    add(solana_secret(rng)[1], "private_key", "solana/frame2")
    add(keystore_json(rng, pretty=False), "keystore_json", "keystore/frame2")
    return rows
