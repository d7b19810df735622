/* pa30.h — MSDelta PA30 patches, as Windows 8 and later store their component manifests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A compressed manifest is "DCM\x01" followed by a PA30 patch against a base blob that
 * the image carries as resource 614/1 of wcp.dll. Only what manifests use is decoded:
 * RAW file type, no preprocessing, no rift table; anything else is refused with
 * UE_PA30_ERROR_UNSUPPORTED rather than decoded wrongly.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UE_PA30_ERROR (ue_pa30_error_quark ())
typedef enum
{
  UE_PA30_ERROR_NOT_PA30,      /* no DCM\x01 or PA30 signature */
  UE_PA30_ERROR_UNSUPPORTED,   /* PA19/PA31, another file type, transforms, rift tables */
  UE_PA30_ERROR_TRUNCATED,     /* the patch ends before the target is complete */
  UE_PA30_ERROR_CORRUPT,       /* impossible codes, copies from outside the data */
  UE_PA30_ERROR_TOO_LARGE,     /* target or base beyond UE_PA30_MAX_SIZE */
  UE_PA30_ERROR_HASH_MISMATCH, /* the output does not match the patch's target hash */
  UE_PA30_ERROR_FAILED,
} UePa30Error;
GQuark ue_pa30_error_quark (void);

/* no real manifest comes near this; it bounds what a lying size field can allocate */
#define UE_PA30_MAX_SIZE (64 * 1024 * 1024)

GBytes   *ue_pa30_apply        (GBytes        *base,
                                const guint8  *patch,
                                gsize          len,
                                GError       **error);
gboolean  ue_dcm_is_compressed (const guint8  *data,
                                gsize          len);
GBytes   *ue_dcm_decode        (GBytes        *base,
                                const guint8  *data,
                                gsize          len,
                                GError       **error);

G_END_DECLS
