"""The model file is replaced in one step: a process starting during a retrain never reads half of it."""

from walletdesk.triage.model import model_from_file, model_get, model_write


def test_write_leaves_only_a_whole_file(tmp_path):
    model = model_get()
    target = tmp_path / "model.npz"
    target.write_bytes(b"old")
    model_write(model, target)
    assert [p.name for p in tmp_path.iterdir()] == ["model.npz"]  # no partial file left behind
    assert model_from_file(target).labels == model.labels
