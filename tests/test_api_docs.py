"""The API docs page works on a machine with no internet: Swagger UI comes from our own static files."""


def test_api_docs_load_swagger_ui_from_this_server_not_a_cdn(client):
    page = client.get("/api/v1/docs").content.decode()

    assert "cdn.jsdelivr.net" not in page
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200
