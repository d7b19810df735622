/* catalog-file.h — save and load a catalog (the cache of a built image catalog)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A catalog file is a 32-byte header (magic, format version, payload size and
 * checksum) followed by one serialized GVariant, mapped from disk when loaded. The
 * source of the catalog (image path, WIM GUID, index, name, build) is stored with it
 * and restored unchanged, so the GUI can find the image again.
 */
#pragma once

#include <gio/gio.h>

#include "catalog.h"

G_BEGIN_DECLS

/* The format version this program writes; files with another one are refused
 * (1: a GVariant tuple per setting, replaced by the tables of 2). */
#define UE_CATALOG_FILE_VERSION 2

gboolean    ue_catalog_file_save          (UeCatalog    *catalog,
                                           const char   *path,
                                           GError      **error);
/* Errors: UE_CATALOG_ERROR_NOT_FOUND, _CORRUPT (not a catalog, truncated, damaged),
 * _VERSION (written by a newer program). Returns (transfer full). */
UeCatalog  *ue_catalog_file_load          (const char   *path,
                                           GError      **error);
/* $XDG_CACHE_HOME/unattend-editor/<wim-guid>-<index>.catalog; (transfer full) */
char       *ue_catalog_file_default_path  (const char   *wim_guid,
                                           guint         image_index);
/* the header's checksum of a payload: for tools (tests, fuzzers) that patch a file and
 * need the loader to get past the header to the part they damaged */
guint64     ue_catalog_file_checksum      (const guint8 *payload,
                                           gsize         len);

G_END_DECLS
