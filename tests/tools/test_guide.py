"""The user guide's screenshots stay current: every picture it shows is taken by a scene that runs.

The pages under docs/guide/ may show only ``images/<scene>-<language>.png`` for a scene of
``tools.guide_scenes.GUIDE_SCENES``; each such file must be in the repository, and every guide
scene is run under Xvfb here (each in one language, English and Chinese in turn, to stay within
a minute), so a scene that breaks, or a picture no scene makes, fails the suite.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers.strict import require
from tools.guide_scenes import GUIDE_SCENES, PENDING_SCENES
from tools.guide_screenshots import LANGUAGES, image_name
from tools.guide_screenshots import main as take_screenshots

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide"
IMAGES = GUIDE / "images"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s#]+\.md)(?:#[^)]*)?\)")
PAGES = ("index", "getting-started", "workbench", "messenger", "http")


def guide_pages() -> list[Path]:
    return sorted(GUIDE.glob("*/*.md"))


def referenced_images() -> dict[Path, list[str]]:
    """Every image a page shows (resolved), with the pages that show it."""
    found: dict[Path, list[str]] = {}
    for page in guide_pages():
        for target in IMAGE.findall(page.read_text(encoding="utf-8")):
            found.setdefault((page.parent / target).resolve(), []).append(page.name)
    return found


def scene_of(image: Path) -> tuple[str, str] | None:
    """The (scene, language) whose picture ``image`` is, or None when no scene makes it."""
    for scene in GUIDE_SCENES:
        for language in LANGUAGES:
            if image.parent == IMAGES.resolve() and image.name == image_name(scene, language):
                return scene, language
    return None


def test_every_language_has_every_page() -> None:
    for language in ("en", "zh_CN"):
        for page in PAGES:
            assert (GUIDE / language / f"{page}.md").is_file(), f"{language}/{page}.md is missing"


def test_links_between_pages_resolve() -> None:
    for page in [*guide_pages(), ROOT / "README.md"]:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if "://" not in target:
                assert (page.parent / target).is_file(), f"{page.name} links to {target}"


def test_every_image_the_guide_shows_is_made_by_a_scene_and_present() -> None:
    images = referenced_images()
    assert images, "the guide shows no screenshots"
    for image, pages in images.items():
        assert scene_of(image) is not None, f"{image.name} ({pages}) is made by no guide scene"
        assert image.is_file(), f"{image.name} ({pages}) is missing: run make guide-screenshots"


def test_both_languages_show_the_same_scenes() -> None:
    shown: dict[str, set[str]] = {language: set() for language in LANGUAGES}
    for image in referenced_images():
        made = scene_of(image)
        if made is not None:
            shown[made[1]].add(made[0])
    assert shown["en"] == shown["zh_CN"]


def test_pending_pictures_are_named_but_not_shown() -> None:
    """A picture to be taken later is announced in text only, until its scene exists."""
    text = "\n".join(page.read_text(encoding="utf-8") for page in guide_pages())
    for scene in PENDING_SCENES:
        assert scene not in GUIDE_SCENES, f"{scene} has a scene now: show it as an image"
        assert f"`{scene}`" in text, f"the guide does not announce {scene}"
    names = {image.name for image in referenced_images()}
    assert not any(name.startswith(tuple(PENDING_SCENES)) for name in names)


@pytest.mark.timeout(150)
def test_guide_scenes_run_and_make_every_picture(tmp_path: Path) -> None:
    require(shutil.which("Xvfb") is not None, "Xvfb is not installed")
    require(shutil.which("import") is not None, "imagemagick's import is not installed")
    shown = sorted({made for image in referenced_images() if (made := scene_of(image))})
    scenes = sorted({scene for scene, _ in shown})
    assert set(scenes) == set(GUIDE_SCENES), "a guide scene is shown on no page"
    status = take_screenshots([str(tmp_path), "--alternate", "--jobs", "2", *scenes])
    assert status == 0, "a guide scene failed (its output is above)"
    for scene in scenes:
        made = [(tmp_path / image_name(scene, language)).is_file() for language in LANGUAGES]
        assert any(made), f"{scene} made no picture"
