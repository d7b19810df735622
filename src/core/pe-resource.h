/* pe-resource.h — find one resource in a Windows PE file (wcp.dll's manifest base)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UE_PE_ERROR (ue_pe_error_quark ())
typedef enum
{
  UE_PE_ERROR_NOT_PE,        /* no MZ / PE signature or an unknown optional header */
  UE_PE_ERROR_MALFORMED,     /* offsets or sizes pointing outside the file */
  UE_PE_ERROR_NO_RESOURCES,  /* the file has no resource directory */
  UE_PE_ERROR_NOT_FOUND,     /* no resource of that type and id */
  UE_PE_ERROR_FAILED,
} UePeError;
GQuark ue_pe_error_quark (void);

/* where Windows keeps the base of its compressed manifests: wcp.dll, type 614, id 1 */
#define UE_PE_MANIFEST_BASE_TYPE 614
#define UE_PE_MANIFEST_BASE_ID   1

gboolean  ue_pe_is_pe            (const guint8  *data,
                                  gsize          len);
GBytes   *ue_pe_find_resource    (GBytes        *pe,
                                  guint          type_id,
                                  guint          name_id,
                                  GError       **error);

G_END_DECLS
