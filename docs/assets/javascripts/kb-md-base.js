// Copied from Material for MkDocs 9.8.1 (MIT): an inline script of its templates, moved
// to a file so that the Content-Security-Policy allows scripts from the site only
// (see overrides/partials/javascripts/). Re-copy on a Material upgrade.
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}

// Search from a shared drive (file://), where browsers refuse web workers, needs the
// vendored iframe-worker shim (assets/vendor/iframe-worker, MIT). It is written in
// here, on file:// only, so that pages served over http make no extra blocking request.
if(location.protocol==="file:")document.write('<script src="'+new URL("assets/vendor/iframe-worker/shim.js",__md_scope).href+'"><\/script>')
