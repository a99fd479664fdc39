"""The reply preview's empty state is in the agent's language."""

import pytest

from tests.tickets.test_pages import login_agent

pytestmark = pytest.mark.django_db


def test_empty_reply_preview_speaks_chinese_to_a_chinese_agent(client, agent):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-CN,zh;q=0.9"
    login_agent(client, agent, "agent-pass-123")

    page = client.post("/console/preview/", {"body": "   "}).content.decode()

    assert "没有可预览的内容" in page
