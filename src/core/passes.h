/* passes.h — the seven configuration passes of an answer file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bit per pass, in WSIM's order; a SettingDef's allowed passes are a mask of these. */
typedef enum
{
  UE_PASS_NONE              = 0,
  UE_PASS_WINDOWS_PE        = 1 << 0,
  UE_PASS_OFFLINE_SERVICING = 1 << 1,
  UE_PASS_GENERALIZE        = 1 << 2,
  UE_PASS_SPECIALIZE        = 1 << 3,
  UE_PASS_AUDIT_SYSTEM      = 1 << 4,
  UE_PASS_AUDIT_USER        = 1 << 5,
  UE_PASS_OOBE_SYSTEM       = 1 << 6,
  UE_PASS_ALL               = (1 << 7) - 1,
} UePassFlags;

#define UE_N_PASSES 7

/* WSIM numbers passes 1..7; 0 means "not a pass". */
guint        ue_pass_number_from_name (const char  *name);
const char  *ue_pass_name             (guint        number);
UePassFlags  ue_pass_flag             (guint        number);
UePassFlags  ue_pass_flags_parse      (const char  *space_separated);
char        *ue_pass_flags_to_string  (UePassFlags  flags);

G_END_DECLS
