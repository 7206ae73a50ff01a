"""The service directory: data model, loading and validation of `data/services/`, JSON Schema export."""

from parapluie.directory.categories import Categories, Category, Need, load_categories
from parapluie.directory.load import DataWarning, DirectoryReport, check_services, load_services
from parapluie.directory.models import Contact, Location, Service, ServiceEntry

__all__ = [
    "Categories",
    "Category",
    "Contact",
    "DataWarning",
    "DirectoryReport",
    "Location",
    "Need",
    "Service",
    "ServiceEntry",
    "check_services",
    "load_categories",
    "load_services",
]
