/* manifest-reader.h — component manifests and .mum packages -> catalog defs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads one manifest from memory with a streaming parser. The input is untrusted
 * (it comes out of a downloaded image): no network, no DTD, no entities, and a
 * DOCTYPE is refused. Namespaces are matched by URI, never by prefix.
 */
#pragma once

#include <gio/gio.h>

#include "catalog.h"

G_BEGIN_DECLS

#define UE_MANIFEST_ERROR (ue_manifest_error_quark ())
typedef enum
{
  UE_MANIFEST_ERROR_PARSE,          /* not well-formed XML */
  UE_MANIFEST_ERROR_UNSAFE,         /* a DOCTYPE or another construct we refuse to read */
  UE_MANIFEST_ERROR_NOT_A_MANIFEST, /* well-formed, but no asm.v3 assembly with an identity */
  UE_MANIFEST_ERROR_COMPRESSED,     /* DCM\x01 (PA30) compressed: decode it first */
  UE_MANIFEST_ERROR_FAILED,
} UeManifestError;
GQuark ue_manifest_error_quark (void);

/* TRUE when the bytes start with the DCM\x01 signature of a compressed manifest */
gboolean         ue_manifest_is_compressed   (const char  *data,
                                              gsize        len);

/* A cheap scan (no parse) for a configurationSchema element with content. May say
 * TRUE for a manifest without settings (then the parse finds none), never FALSE for
 * one with settings; UTF-16 input always answers TRUE. */
gboolean         ue_manifest_has_settings    (const char  *data,
                                              gsize        len);

/* Component identity, description and settings. filename is used in messages only
 * ("FILE:LINE:COL: error: …"). Returns (transfer full) or NULL with @error set. */
UeComponentDef  *ue_manifest_read_component  (const char  *data,
                                              gsize        len,
                                              const char  *filename,
                                              GError     **error);

/* A servicing package (.mum): identity, release type and its `update` names as
 * selectable features. Returns (transfer full) or NULL with @error set. */
UePackageDef    *ue_manifest_read_package    (const char  *data,
                                              gsize        len,
                                              const char  *filename,
                                              GError     **error);

G_END_DECLS
