"""The web editor for staff at `/admin/` (Decap CMS): its pinned bundle, its generated config, its folder."""
