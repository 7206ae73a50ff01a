"""Page weight as a reader's phone pays for it: moved to parapluie/verify/weight.py (the build checks the budget).

Kept here so `make bench` and the tests import it from the developer tools as before.
"""

from parapluie.verify.weight import (  # noqa: F401 (re-exported)
    FIRST_VISIT_MAX_BYTES,
    FIRST_VISIT_MAX_REQUESTS,
    NEXT_PAGE_MAX_BYTES,
    PAGE_SCRIPT_MAX_BYTES,
    PageWeight,
    page_weight,
    subresources,
    transfer_size,
)
