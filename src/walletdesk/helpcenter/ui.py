"""The help center's page text in both languages.

Kept as data rather than .po entries: every string here is shown on pages whose language is the
article language in the URL (/help/zh-hans/… or /help/en/…), not the visitor's UI language.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "zh-hans": {
        "help_center": "帮助中心",
        "search_placeholder": "描述您的问题，例如：提币一直在审核中",
        "search": "搜索",
        "results_for": "搜索结果",
        "no_results": "没有找到相关文章。换个说法试试，或者提交工单联系客服。",
        "related": "相关文章",
        "helpful_q": "这篇文章对您有帮助吗？",
        "yes": "有帮助",
        "no": "没帮助",
        "comment": "还有什么想告诉我们的？（选填）",
        "send": "提交",
        "thanks": "感谢您的反馈！",
        "other_language": "English version",
        "views": "次浏览",
        "updated": "更新于",
        "ask_title": "遇到什么问题？",
        "ask_intro": "先描述一下您的问题，我们会推荐可能解决问题的文章。",
        "ask_did_answer": "这些文章解决您的问题了吗？",
        "ask_solved": "解决了",
        "ask_not_solved": "没有，提交工单",
        "ask_thanks": "太好了！如果还有问题，随时回来找我们。",
        "submit_request": "提交工单",
        "sections": "文章分类",
        "never_ask": "客服绝不会索要您的助记词、私钥、密码或验证码。",
    },
    "en": {
        "help_center": "Help center",
        "search_placeholder": "Describe your problem, e.g. withdrawal pending for hours",
        "search": "Search",
        "results_for": "Results",
        "no_results": "No article matches. Try other words, or submit a request to reach support.",
        "related": "Related articles",
        "helpful_q": "Was this article helpful?",
        "yes": "Yes",
        "no": "No",
        "comment": "Anything else you want to tell us? (optional)",
        "send": "Send",
        "thanks": "Thank you for your feedback!",
        "other_language": "中文版",
        "views": "views",
        "updated": "Updated",
        "ask_title": "What do you need help with?",
        "ask_intro": "Describe your problem and we'll suggest articles that may solve it.",
        "ask_did_answer": "Did these articles answer your question?",
        "ask_solved": "Yes, solved",
        "ask_not_solved": "No, submit a request",
        "ask_thanks": "Great! Come back any time if you need more help.",
        "submit_request": "Submit a request",
        "sections": "Sections",
        "never_ask": "Support never asks for your seed phrase, private key, password or codes.",
    },
}
