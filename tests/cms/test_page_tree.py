from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import (
    FirmRegistryPage,
    HomePage,
    LessonPage,
    MeasureCatalogPage,
    ToolboxAreaPage,
    ToolboxIndexPage,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_the_toolbox_the_catalogue_and_the_registry(self):
        self.assertAllowedSubpageTypes(
            HomePage, {ToolboxIndexPage, MeasureCatalogPage, FirmRegistryPage}
        )

    def test_toolbox_holds_only_areas(self):
        self.assertAllowedParentPageTypes(ToolboxIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ToolboxIndexPage, {ToolboxAreaPage})

    def test_area_holds_only_lessons(self):
        self.assertAllowedParentPageTypes(ToolboxAreaPage, {ToolboxIndexPage})
        self.assertAllowedSubpageTypes(ToolboxAreaPage, {LessonPage})

    def test_lesson_is_a_leaf_under_an_area(self):
        self.assertAllowedParentPageTypes(LessonPage, {ToolboxAreaPage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_catalogue_is_a_leaf_under_home(self):
        self.assertAllowedParentPageTypes(MeasureCatalogPage, {HomePage})
        self.assertAllowedSubpageTypes(MeasureCatalogPage, set())

    def test_only_one_toolbox_and_one_catalogue(self):
        self.assertEqual(ToolboxIndexPage.max_count, 1)
        self.assertEqual(MeasureCatalogPage.max_count, 1)
