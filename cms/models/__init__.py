from .images import CustomImage, CustomRendition
from .pages import (
    HomePage,
    LessonPage,
    MeasureCatalogPage,
    ToolboxAreaPage,
    ToolboxIndexPage,
)
from .registry import FirmRegistryPage
from .snippets import Measure, MeasureKind, Provider, ProviderKind, TargetGroup

__all__ = [
    "CustomImage",
    "CustomRendition",
    "FirmRegistryPage",
    "HomePage",
    "LessonPage",
    "Measure",
    "MeasureCatalogPage",
    "MeasureKind",
    "Provider",
    "ProviderKind",
    "TargetGroup",
    "ToolboxAreaPage",
    "ToolboxIndexPage",
]
