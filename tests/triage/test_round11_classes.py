"""Round 11 (issue #6): a takeover told with the login lost and the assets (probably) still
inside is theft, and so are funds already taken by a drainer, an approval or permit signature, a
clipboard hijacker, address poisoning or malware. A suspicion (an alert, a phishing e-mail, a
failed attempt, a change request stopped) stays out. Wordings of our own, not the writers' or the
sets' sentences; the rules alone, so the tests do not move with a retrain, plus the pipeline for
the takeovers the assets-intact guard used to demote."""

from __future__ import annotations

import pytest

from walletdesk.triage.rules import account_taken_over, drained_by_what_was_signed
from walletdesk.triage.services import message_triage

TAKEOVERS = [
    "我的账户被黑客盗了，登录密码和绑定邮箱都给换了，现在进不去，余额看着应该没动，请帮我冻结",
    "帐号让人给盗了，手机号邮箱全被换成别人的，钱估计还在里面，赶紧帮我锁一下",
    "有人登进了我的账户，把谷歌验证器解绑了又绑了他自己的，我现在登录不了，资产暂时还在",
    "账户里多了几个我没创建的API key，登录邮箱也变了，余额暂时没少",
    "My account got hacked last night, they reset my password and swapped the 2FA. Balance is probably still there",
    "Someone took over my account: email changed, phone changed, and a whitelist address I never added",
    "My account has been taken over. I can't log in anymore, the funds should still be there",
    "phone number changed, password changed, not by me. I'm locked out but my coins look untouched",
    "我个 account 俾人 hack 咗，password 同 email 全部改晒，login 唔到，錢應該仲喺度，麻煩即刻鎖住",
    "帳號被盜了，密碼跟手機號碼都被改掉，我登入不了，資產應該還在，請立刻凍結帳戶",
    "我的 account 被 hack 了, 他开了新的 API key 还加了一个白名单地址, 资产目前还在, 请马上 freeze",
]

SUSPICIONS = [
    "收到一封邮件说我的账户被盗了要我点链接验证，资产都在，这是钓鱼吗",
    "刚收到异地登录提醒，不是我登录的，我已经把密码和邮箱都改了，资产都在",
    "我的账号好像被盗了？资产还在，怎么确认一下",
    "Someone tried to log in to my account from another country, the login failed, funds are fine",
    "I got an email saying my account was hacked and asking me to log in via a link. Is it you?",
    "收到修改白名单地址的短信，不是我操作的，已经取消了，资产没少",
    "I've changed my password and email after a weird login alert, everything is still there",
    "忘记密码了，重置的时候手机号收不到验证码，登不进去",
    "I changed my phone number and now I can't receive the 2FA SMS to log in",
    "how do I create an API key for my trading bot?",
    "我表姐的账号被盗了，我该怎么帮她申诉",
    "my brother's account got hacked, how do I protect mine?",
]

DRAINS = [
    "I signed a permit on a fake airdrop site and an hour later the drainer swept 4,300 USDC out of my wallet",
    "I cancelled the approval but too late, the spender contract had already taken 3,200 USDC. Can you trace it?",
    "approve 了一个假的 staking 合约，刚才钱包里的 2.1 ETH 被那个合约全部转走了",
    "點了一個假空投的簽名，結果錢包裡的 USDT 被合約劃走了 3,500，撤銷授權也來不及",
    "电脑中了木马，提币时粘贴的地址被偷偷替换了，500u 转到了一个陌生地址",
    "我电脑有病毒，复制的地址被换了，本来转到我自己 ledger 的 0.5 BTC 进了别人的地址，能帮忙追一下吗",
    "剪貼簿被惡意程式換掉地址，原本要轉到自己另一個錢包的 2,000 USDT 進了陌生人的地址",
    "clipboard malware swapped the address when I was sending to my own other wallet, 1,100 USDT ended up at T9xQ...",
    "got address poisoned, copied the lookalike address from my history and sent 7,000 USDT to the scammer",
    "wallet 被 drain 了, 之前 sign 过一个 setApprovalForAll, 今天 NFT 跟 2,000 USDT 全部去了陌生地址",
    "revoke 晚咗一步，個 malicious contract 已經 transferFrom 走咗我 1.5 萬 U",
]

NO_DRAINS = [
    "I got a phishing email asking me to approve a contract. I didn't click, nothing lost",
    "我是不是中病毒了？总觉得剪贴板会被换地址，想问怎么检查，钱还没动",
    "how do I revoke token approvals I gave to an old dapp? nothing has been taken yet",
    "如果签了恶意的 permit，合约会把钱转走吗？",
    "授权 USDT 给 uniswap 要多少 gas？",
    "我同事的钱包被 drain 了，我要怎么检查自己的授权",
    "my friend's wallet got drained after a fake mint, should I revoke my approvals too?",
]


@pytest.mark.parametrize("text", TAKEOVERS)
def test_a_takeover_with_the_assets_inside_is_told(text: str) -> None:
    assert account_taken_over(text)


@pytest.mark.parametrize("text", SUSPICIONS)
def test_a_suspicion_is_no_takeover(text: str) -> None:
    assert not account_taken_over(text)


@pytest.mark.parametrize("text", DRAINS)
def test_funds_taken_by_what_was_signed(text: str) -> None:
    assert drained_by_what_was_signed(text)


@pytest.mark.parametrize("text", NO_DRAINS)
def test_no_drain_without_a_loss(text: str) -> None:
    assert not drained_by_what_was_signed(text)


@pytest.mark.parametrize("text", TAKEOVERS + DRAINS)
def test_the_pipeline_calls_them_theft(text: str) -> None:
    assert message_triage(text=text).category == "account_theft"
