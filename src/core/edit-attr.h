/* edit-attr.h — set, change or remove one attribute
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "edit.h"

G_BEGIN_DECLS

#define UE_TYPE_EDIT_ATTR (ue_edit_attr_get_type ())
G_DECLARE_FINAL_TYPE (UeEditAttr, ue_edit_attr, UE, EDIT_ATTR, UeEdit)

/* ns: an xmlNs* for a prefixed attribute, or NULL; declares_ns: ns was just declared on
 * element for this attribute, and undo removes the declaration; value NULL removes */
UeEdit *ue_edit_attr_new (UeNode     *element,
                          gpointer    ns,
                          gboolean    declares_ns,
                          const char *local_name,
                          const char *value);

G_END_DECLS
