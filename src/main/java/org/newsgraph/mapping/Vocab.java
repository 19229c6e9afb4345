package org.newsgraph.mapping;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/**
 * Every vocabulary term the mapping writes, in one place. {@code ontology/newsgraph.ttl} documents
 * each of them; a test checks that the two agree.
 */
public final class Vocab {

    public static final String NG_NS = "https://w3id.org/newsgraph/vocab#";
    /** The ontology's own IRI, also the name of the graph it is loaded into. */
    public static final String ONTOLOGY_IRI = "https://w3id.org/newsgraph/vocab";
    public static final String SCHEMA_NS = "https://schema.org/";
    public static final String PROV_NS = "http://www.w3.org/ns/prov#";
    public static final String VOID_NS = "http://rdfs.org/ns/void#";
    public static final String DCAT_NS = "http://www.w3.org/ns/dcat#";

    private Vocab() {
    }

    /** The prefixes of every namespace the graph uses, for readable output. */
    public static PrefixMapping prefixes() {
        return PrefixMapping.Factory.create()
                .setNsPrefix("ng", NG_NS)
                .setNsPrefix("schema", SCHEMA_NS)
                .setNsPrefix("skos", SKOS.uri)
                .setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefix("prov", PROV_NS)
                .setNsPrefix("rdf", RDF.uri)
                .setNsPrefix("rdfs", RDFS.uri)
                .setNsPrefix("xsd", XSD.NS)
                .setNsPrefix("void", VOID_NS)
                .setNsPrefix("dcat", DCAT_NS)
                .lock();
    }

    private static Node ng(String local) {
        return NodeFactory.createURI(NG_NS + local);
    }

    private static Node schema(String local) {
        return NodeFactory.createURI(SCHEMA_NS + local);
    }

    private static Node voidTerm(String local) {
        return NodeFactory.createURI(VOID_NS + local);
    }

    private static Node prov(String local) {
        return NodeFactory.createURI(PROV_NS + local);
    }

    // rdf, rdfs, dcterms, skos
    public static final Node TYPE = RDF.Nodes.type;
    public static final Node VALUE = RDF.Nodes.value;
    public static final Node RDF_SEQ = RDF.Nodes.Seq;
    public static final Node LABEL = RDFS.Nodes.label;
    public static final Node DCT_IDENTIFIER = DCTerms.identifier.asNode();
    public static final Node SKOS_CONCEPT = SKOS.Concept.asNode();
    public static final Node SKOS_CONCEPT_SCHEME = SKOS.ConceptScheme.asNode();
    public static final Node SKOS_PREF_LABEL = SKOS.prefLabel.asNode();
    public static final Node SKOS_ALT_LABEL = SKOS.altLabel.asNode();
    public static final Node SKOS_NOTATION = SKOS.notation.asNode();
    public static final Node SKOS_BROADER = SKOS.broader.asNode();
    public static final Node SKOS_NARROWER = SKOS.narrower.asNode();
    public static final Node SKOS_IN_SCHEME = SKOS.inScheme.asNode();
    public static final Node SKOS_TOP_CONCEPT_OF = SKOS.topConceptOf.asNode();
    public static final Node SKOS_HAS_TOP_CONCEPT = SKOS.hasTopConcept.asNode();

    // prov
    public static final Node PROV_ENTITY = prov("Entity");
    public static final Node PROV_WAS_DERIVED_FROM = prov("wasDerivedFrom");
    public static final Node PROV_GENERATED_AT_TIME = prov("generatedAtTime");

    // schema.org
    public static final Node SCHEMA_CREATIVE_WORK = schema("CreativeWork");
    public static final Node SCHEMA_NEWS_ARTICLE = schema("NewsArticle");
    public static final Node SCHEMA_VIDEO_OBJECT = schema("VideoObject");
    public static final Node SCHEMA_ORGANIZATION = schema("Organization");
    public static final Node SCHEMA_IMAGE_OBJECT = schema("ImageObject");
    public static final Node SCHEMA_HEADLINE = schema("headline");
    public static final Node SCHEMA_DESCRIPTION = schema("description");
    public static final Node SCHEMA_DATE_PUBLISHED = schema("datePublished");
    public static final Node SCHEMA_URL = schema("url");
    public static final Node SCHEMA_PUBLISHER = schema("publisher");
    public static final Node SCHEMA_NAME = schema("name");
    public static final Node SCHEMA_ALTERNATE_NAME = schema("alternateName");
    public static final Node SCHEMA_LOGO = schema("logo");
    public static final Node SCHEMA_ABOUT = schema("about");
    public static final Node SCHEMA_IMAGE = schema("image");
    public static final Node SCHEMA_CONTENT_URL = schema("contentUrl");
    public static final Node SCHEMA_WIDTH = schema("width");
    public static final Node SCHEMA_HEIGHT = schema("height");
    public static final Node SCHEMA_CAPTION = schema("caption");
    public static final Node SCHEMA_EMBED_URL = schema("embedUrl");
    public static final Node SCHEMA_ARTICLE_BODY = schema("articleBody");

    // ng: items
    public static final Node NG_ITEM_TYPE = ng("itemType");
    public static final Node NG_ORIGINAL_URL = ng("originalUrl");
    public static final Node NG_AMP_URL = ng("ampUrl");
    public static final Node NG_CDN_AMP_URL = ng("cdnAmpUrl");
    public static final Node NG_CATEGORY = ng("category");
    public static final Node NG_QUALITY = ng("quality");
    public static final Node NG_HEAT = ng("heat");
    public static final Node NG_PUBLISHED = ng("published");
    public static final Node NG_REMOVED = ng("removed");
    public static final Node NG_SECURED = ng("secured");
    public static final Node NG_FEATURED_CONTENT = ng("featuredContent");
    public static final Node NG_RELATED = ng("related");
    // ng: providers, images, topics
    public static final Node NG_DOMAIN = ng("domain");
    public static final Node NG_IS_CACHED = ng("isCached");
    public static final Node NG_SHORT_NAME = ng("shortName");
    public static final Node NG_HASHTAG = ng("hashtag");
    public static final Node NG_TAXONOMY = ng("taxonomy");
    // ng: fields the format does not define
    public static final Node NG_EXTRA = ng("extra");
    public static final Node NG_EXTRA_FIELD = ng("ExtraField");
    public static final Node NG_KEY = ng("key");
    // ng: snapshots (related entries, duplicate files) and their resolution
    public static final Node NG_SNAPSHOT = ng("Snapshot");
    public static final Node NG_ITEM_SNAPSHOT = ng("ItemSnapshot");
    public static final Node NG_RELATED_SNAPSHOT = ng("RelatedSnapshot");
    public static final Node NG_DUPLICATE_SNAPSHOT = ng("DuplicateSnapshot");
    public static final Node NG_PROVIDER_SNAPSHOT = ng("ProviderSnapshot");
    public static final Node NG_IMAGE_SNAPSHOT = ng("ImageSnapshot");
    public static final Node NG_TOPIC_SNAPSHOT = ng("TopicSnapshot");
    public static final Node NG_SNAPSHOT_OF = ng("snapshotOf");
    public static final Node NG_RELATED_LIST = ng("relatedList");
    public static final Node NG_PUBLISHER_AS_GIVEN = ng("publisherAsGiven");
    public static final Node NG_IMAGE_AS_GIVEN = ng("imageAsGiven");
    public static final Node NG_LOGO_AS_GIVEN = ng("logoAsGiven");
    public static final Node NG_TOPIC_AS_GIVEN = ng("topicAsGiven");
    public static final Node NG_BROADER_AS_GIVEN = ng("broaderAsGiven");
    public static final Node NG_DESCRIBED_BY_SNAPSHOT = ng("describedBySnapshot");
    public static final Node NG_SHARED_GRAPH = ng("SharedGraph");
    // ng: provenance
    public static final Node NG_SOURCE_GRAPH = ng("SourceGraph");
    public static final Node NG_SOURCE_FILE = ng("SourceFile");
    public static final Node NG_DESCRIBES = ng("describes");
    public static final Node NG_SOURCE_ROOT = ng("sourceRoot");
    public static final Node NG_PATH = ng("path");
    public static final Node NG_CONTENT_HASH = ng("contentHash");
    // ng: the build
    public static final Node NG_BUILD = ng("Build");
    public static final Node NG_BASE = ng("base");
    public static final Node NG_MAPPING_VERSION = ng("mappingVersion");
    public static final Node NG_BUILD_KIND = ng("buildKind");
    public static final Node NG_FILES_LOADED = ng("filesLoaded");
    public static final Node NG_FILES_UNCHANGED = ng("filesUnchanged");
    public static final Node NG_FILES_REMOVED = ng("filesRemoved");
    public static final Node NG_FILES_REJECTED = ng("filesRejected");
    public static final Node NG_RESOLVED_GRAPH = ng("ResolvedGraph");
    public static final Node PROV_ACTIVITY = prov("Activity");
    public static final Node PROV_STARTED_AT_TIME = prov("startedAtTime");
    public static final Node PROV_ENDED_AT_TIME = prov("endedAtTime");

    // VoID and DCAT: the dataset description
    public static final Node VOID_DATASET = voidTerm("Dataset");
    public static final Node VOID_LINKSET = voidTerm("Linkset");
    public static final Node VOID_TRIPLES = voidTerm("triples");
    public static final Node VOID_ENTITIES = voidTerm("entities");
    public static final Node VOID_DISTINCT_SUBJECTS = voidTerm("distinctSubjects");
    public static final Node VOID_DISTINCT_OBJECTS = voidTerm("distinctObjects");
    public static final Node VOID_PROPERTIES = voidTerm("properties");
    public static final Node VOID_CLASSES = voidTerm("classes");
    public static final Node VOID_CLASS_PARTITION = voidTerm("classPartition");
    public static final Node VOID_CLASS = voidTerm("class");
    public static final Node VOID_PROPERTY_PARTITION = voidTerm("propertyPartition");
    public static final Node VOID_PROPERTY = voidTerm("property");
    public static final Node VOID_SUBSET = voidTerm("subset");
    public static final Node VOID_SUBJECTS_TARGET = voidTerm("subjectsTarget");
    public static final Node VOID_OBJECTS_TARGET = voidTerm("objectsTarget");
    public static final Node VOID_SPARQL_ENDPOINT = voidTerm("sparqlEndpoint");
    public static final Node VOID_DATA_DUMP = voidTerm("dataDump");
    public static final Node VOID_VOCABULARY = voidTerm("vocabulary");
    public static final Node VOID_URI_SPACE = voidTerm("uriSpace");
    public static final Node DCAT_DATASET = NodeFactory.createURI(DCAT_NS + "Dataset");
    public static final Node DCT_TITLE = DCTerms.title.asNode();
    public static final Node DCT_DESCRIPTION = DCTerms.description.asNode();
    public static final Node DCT_MODIFIED = DCTerms.modified.asNode();
}
