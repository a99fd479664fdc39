"""The console pages an agent's role does not open (canned replies, the help-center editor, the
reports) answer 403 with one page (core/console_forbidden.html): the page's name, who may use it,
and a way back, in the console's language."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = {
    "/console/canned/": ("Canned replies", "Only supervisors may change the canned replies.", None),
    "/console/help/new/": ("Help center", "Only editors may change the help center.", "/console/help/"),
    "/console/reports/": ("Reports", "Only supervisors and administrators may see the reports.", None),
}


@pytest.fixture
def agent_session(client, agent, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(agent)
    return client


@pytest.mark.parametrize("url", PAGES)
def test_a_page_the_agents_role_does_not_open_is_a_403_saying_who_may(agent_session, url):
    heading, reason, back = PAGES[url]
    response = agent_session.get(url, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 403
    assert re.search(rf"<title>{heading}\b", html), html[:300]
    assert f"<h1>{heading}</h1>" in html
    assert f'<p class="notice bad" role="alert">{reason}</p>' in html
    links = re.findall(r'<section class="card">.*?</section>', html, re.S)[0]
    expected = ([back] if back else []) + ["/console/"]
    assert re.findall(r'href="([^"]+)"', links) == expected


@pytest.mark.parametrize("url", PAGES)
def test_the_refusal_speaks_chinese_too(agent_session, url):
    response = agent_session.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")
    html = response.content.decode()
    assert response.status_code == 403
    alert = re.search(r'role="alert">([^<]+)<', html)[1]
    assert re.search(r"[\u4e00-\u9fff]", alert), alert
