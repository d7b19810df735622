/* manifest-private.h — shared by manifest-reader.c and manifest-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader feeds each element below <xsd:schema> to the schema collector, which
 * keeps a small copy of the schema; _ue_manifest_schema_build() then resolves the
 * named types and writes the setting tree into the component.
 */
#pragma once

#include "catalog.h"

G_BEGIN_DECLS

#define UE_XSD_NS  "http://www.w3.org/2001/XMLSchema"
#define UE_WCM_NS  "http://schemas.microsoft.com/WMIConfig/2002/State"
#define UE_UE_NS   "urn:unattend-editor:catalog"

typedef struct _UeManifestSchema UeManifestSchema;

UeManifestSchema *_ue_manifest_schema_new             (void);
void              _ue_manifest_schema_free            (UeManifestSchema *schema);
/* reader is an xmlTextReaderPtr on an element start; depth is relative to <xsd:schema> (>= 1) */
void              _ue_manifest_schema_element         (UeManifestSchema *schema,
                                                       void             *reader,
                                                       int               depth);
/* takes ownership of id and value */
void              _ue_manifest_schema_add_string      (UeManifestSchema *schema,
                                                       char             *id,
                                                       char             *value);
void              _ue_manifest_schema_set_description (UeManifestSchema *schema,
                                                       const char       *text);
/* FALSE (UE_MANIFEST_ERROR_UNSAFE) when the types expand beyond any real component */
gboolean          _ue_manifest_schema_build           (UeManifestSchema *schema,
                                                       UeComponentDef   *def,
                                                       const char       *filename,
                                                       GError          **error);
/* an attribute of the reader's current element, in namespace ns (NULL: unqualified) */
char             *_ue_manifest_attr                   (void             *reader,
                                                       const char       *name,
                                                       const char       *ns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UeManifestSchema, _ue_manifest_schema_free)

G_END_DECLS
