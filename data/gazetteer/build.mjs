// Placeholder: the gazetteer build (GeoNames-derived npm data → data/gazetteer/build/) lands here.
console.log('gazetteer: nothing to build yet');
