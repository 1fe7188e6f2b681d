//! The map's model, independent of any canvas: projection, camera, a scanline rasterizer that
//! gives every device pixel the id of the commune under it, colour lookup tables, hit testing
//! and keyboard neighbours.
//!
//! Rendering splits in two on purpose. When the view moves (pan, zoom, resize), the communes
//! are rasterized once into an id buffer. When the year or the colouring changes, only a
//! lookup table of one colour per commune changes, and [`compose`] maps ids to pixels — a tight
//! loop over the pixels, tens of times cheaper than re-filling thousands of paths. The
//! rasterizer is exact (no anti-aliasing), so a pixel's id is always the commune under it, and
//! the id buffer doubles as the hit-test map.

use rustc_hash::FxHashMap as HashMap;

use crate::geometry::Geometry;
use crate::index::{DatasetIndex, Status, UnitIx};
use crate::model::{Era, Level};
use crate::palette::{Pattern, Rgb, status_paint};

/// A point in world coordinates (projected, y down).
pub type Point = [f32; 2];

/// An equirectangular projection centred on the data, longitude scaled by cos(latitude): at
/// the scale of a province or of Vietnam this keeps shapes true to within a few percent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    lon0: f64,
    lat_max: f64,
    k: f64,
    s: f64,
}

impl Projection {
    /// A projection fitting a `[min lon, min lat, max lon, max lat]` box into about 1000 units.
    pub fn fit(bbox: [f64; 4]) -> Self {
        let lat_mid = f64::midpoint(bbox[1], bbox[3]).to_radians();
        let k = lat_mid.cos();
        let extent = ((bbox[2] - bbox[0]) * k).max(bbox[3] - bbox[1]).max(1e-6);
        Self {
            lon0: bbox[0],
            lat_max: bbox[3],
            k,
            s: 1000.0 / extent,
        }
    }

    /// Projects `[lon, lat]`.
    pub fn project(&self, p: [f64; 2]) -> Point {
        [
            ((p[0] - self.lon0) * self.k * self.s) as f32,
            ((self.lat_max - p[1]) * self.s) as f32,
        ]
    }

    /// The inverse of [`Projection::project`].
    pub fn unproject(&self, p: Point) -> [f64; 2] {
        [
            f64::from(p[0]) / (self.k * self.s) + self.lon0,
            self.lat_max - f64::from(p[1]) / self.s,
        ]
    }
}

/// An axis-aligned box `[min x, min y, max x, max y]`.
pub type BBox = [f32; 4];

fn bbox_of<'a>(points: impl IntoIterator<Item = &'a Point>) -> BBox {
    let mut b = [
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    ];
    for p in points {
        b = [
            b[0].min(p[0]),
            b[1].min(p[1]),
            b[2].max(p[0]),
            b[3].max(p[1]),
        ];
    }
    b
}

fn union(a: BBox, b: BBox) -> BBox {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// A commune on the map.
#[derive(Clone, Debug)]
pub struct MapShape {
    /// The unit drawn.
    pub unit: UnitIx,
    /// Rings in world coordinates, closed.
    pub rings: Vec<Vec<Point>>,
    /// Bounding box.
    pub bbox: BBox,
    /// A point inside the shape for labels and keyboard navigation (area centroid).
    pub centroid: Point,
    /// Area in world units².
    pub area: f32,
    /// Whether the boundary is approximate.
    pub approx: bool,
    /// The district (pre-reform) or province the commune belongs to.
    pub group: Option<UnitIx>,
    /// The province.
    pub province: UnitIx,
}

/// A district or province: where to label it and how far to zoom to show it.
#[derive(Clone, Debug)]
pub struct Region {
    /// The unit.
    pub unit: UnitIx,
    /// Label point.
    pub centroid: Point,
    /// Bounding box of its communes.
    pub bbox: BBox,
}

/// Everything needed to draw one era.
#[derive(Clone, Debug)]
pub struct MapModel {
    /// The era drawn.
    pub era: Era,
    /// The projection used.
    pub projection: Projection,
    /// Communes.
    pub shapes: Vec<MapShape>,
    /// Arcs in world coordinates.
    pub arcs: Vec<Vec<Point>>,
    /// Arcs between communes of the same district or province.
    pub commune_borders: Vec<usize>,
    /// Arcs between districts (pre-reform) that are not province borders.
    pub district_borders: Vec<usize>,
    /// Arcs between provinces and on the outside edge.
    pub province_borders: Vec<usize>,
    /// Districts (pre-reform only).
    pub districts: Vec<Region>,
    /// Provinces.
    pub provinces: Vec<Region>,
    /// Bounding box of everything.
    pub bbox: BBox,
    /// The median width of a commune, in world units: below a few pixels on screen, commune
    /// borders are noise and are not drawn.
    pub typical_width: f32,
    by_unit: HashMap<UnitIx, usize>,
}

fn ring_area_centroid(ring: &[Point]) -> (f32, Point) {
    let (mut a, mut cx, mut cy) = (0f64, 0f64, 0f64);
    for w in ring.windows(2) {
        let (x0, y0, x1, y1) = (
            f64::from(w[0][0]),
            f64::from(w[0][1]),
            f64::from(w[1][0]),
            f64::from(w[1][1]),
        );
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a.abs() < 1e-12 {
        let b = bbox_of(ring);
        return (0.0, [f32::midpoint(b[0], b[2]), f32::midpoint(b[1], b[3])]);
    }
    (
        (a / 2.0).abs() as f32,
        [(cx / (3.0 * a)) as f32, (cy / (3.0 * a)) as f32],
    )
}

impl MapModel {
    /// Builds the model of one era from decoded geometry. Shapes of units the dataset does not
    /// know are skipped (validation reports them).
    pub fn new(geometry: &Geometry, index: &DatasetIndex, era: Era) -> Self {
        let ids: Vec<Option<UnitIx>> = geometry
            .shapes
            .iter()
            .map(|s| index.find(&s.unit))
            .collect();
        let all: Vec<usize> = (0..geometry.shapes.len())
            .filter(|&i| ids[i].is_some())
            .collect();
        let bbox = geometry
            .bbox(all.iter().copied())
            .unwrap_or([102.0, 8.0, 110.0, 23.5]);
        let projection = Projection::fit(bbox);
        let arcs: Vec<Vec<Point>> = geometry
            .arcs
            .iter()
            .map(|a| a.iter().map(|&p| projection.project(p)).collect())
            .collect();
        let mut shapes = Vec::with_capacity(all.len());
        let mut shape_of_geo = vec![None; geometry.shapes.len()];
        for &gi in &all {
            let Some(unit) = ids[gi] else { continue };
            let s = &geometry.shapes[gi];
            // Rings are joined from the arcs projected above: each point is projected once.
            let rings: Vec<Vec<Point>> = s
                .polygons
                .iter()
                .flatten()
                .map(|ring| crate::geometry::join_ring(&arcs, ring))
                .collect();
            // Centroid of the largest outer ring: a label inside the main body of the commune.
            let mut best = (0f32, [0f32, 0f32]);
            let mut area = 0f32;
            let mut first_ring = 0;
            for poly in &s.polygons {
                if !poly.is_empty() {
                    let (a, c) = ring_area_centroid(&rings[first_ring]);
                    area += a;
                    if a >= best.0 {
                        best = (a, c);
                    }
                }
                first_ring += poly.len();
            }
            let bbox = bbox_of(rings.iter().flatten());
            let group = if era == Era::Pre2025 {
                index.district_of(unit)
            } else {
                None
            }
            .or_else(|| Some(index.province_of(unit)));
            shape_of_geo[gi] = Some(shapes.len());
            shapes.push(MapShape {
                unit,
                rings,
                bbox,
                centroid: best.1,
                area,
                approx: s.approx,
                group,
                province: index.province_of(unit),
            });
        }
        let side = |s: Option<usize>| s.and_then(|gi| shape_of_geo[gi]);
        let (mut commune_borders, mut district_borders, mut province_borders) =
            (Vec::new(), Vec::new(), Vec::new());
        for (a, sides) in geometry.arc_sides.iter().enumerate() {
            match (side(sides[0]), side(sides[1])) {
                (None, None) => {}
                (Some(x), Some(y)) => {
                    if shapes[x].province != shapes[y].province {
                        province_borders.push(a);
                    } else if shapes[x].group != shapes[y].group {
                        district_borders.push(a);
                    } else {
                        commune_borders.push(a);
                    }
                }
                _ => province_borders.push(a),
            }
        }
        let by_unit = shapes
            .iter()
            .enumerate()
            .map(|(i, s)| (s.unit, i))
            .collect();
        let regions = |key: &dyn Fn(&MapShape) -> Option<UnitIx>| {
            let mut acc: Vec<(UnitIx, f64, f64, f64, BBox)> = Vec::new();
            // Where each region is in `acc` (10,000 communes in 700 districts: no scanning).
            let mut slot: HashMap<UnitIx, usize> = HashMap::default();
            for s in &shapes {
                let Some(k) = key(s) else { continue };
                let w = f64::from(s.area.max(1e-6));
                match slot.get(&k).map(|&i| &mut acc[i]) {
                    Some(r) => {
                        r.1 += w;
                        r.2 += w * f64::from(s.centroid[0]);
                        r.3 += w * f64::from(s.centroid[1]);
                        r.4 = union(r.4, s.bbox);
                    }
                    None => {
                        slot.insert(k, acc.len());
                        acc.push((
                            k,
                            w,
                            w * f64::from(s.centroid[0]),
                            w * f64::from(s.centroid[1]),
                            s.bbox,
                        ));
                    }
                }
            }
            acc.into_iter()
                .map(|(unit, w, x, y, bbox)| Region {
                    unit,
                    centroid: [(x / w) as f32, (y / w) as f32],
                    bbox,
                })
                .collect::<Vec<_>>()
        };
        let districts = if era == Era::Pre2025 {
            regions(&|s: &MapShape| {
                s.group
                    .filter(|&g| index.unit(g).kind.level() == Level::District)
            })
        } else {
            Vec::new()
        };
        let provinces = regions(&|s: &MapShape| Some(s.province));
        let bbox = shapes.iter().fold(
            [
                f32::INFINITY,
                f32::INFINITY,
                f32::NEG_INFINITY,
                f32::NEG_INFINITY,
            ],
            |b, s| union(b, s.bbox),
        );
        let mut widths: Vec<f32> = shapes.iter().map(|s| s.bbox[2] - s.bbox[0]).collect();
        // The rasterizer's sort of crossings: no second copy of the sort for this.
        widths.sort_unstable_by(f32::total_cmp);
        let typical_width = widths.get(widths.len() / 2).copied().unwrap_or(0.0);
        Self {
            era,
            projection,
            shapes,
            arcs,
            commune_borders,
            district_borders,
            province_borders,
            districts,
            provinces,
            bbox,
            typical_width,
            by_unit,
        }
    }

    /// The shape drawing a unit.
    pub fn shape_of(&self, unit: UnitIx) -> Option<usize> {
        self.by_unit.get(&unit).copied()
    }

    /// The bounding box of the shapes within a scope unit (a province or district).
    pub fn bbox_of_scope(&self, index: &DatasetIndex, scope: Option<UnitIx>) -> BBox {
        let Some(scope) = scope else { return self.bbox };
        let b = self
            .shapes
            .iter()
            .filter(|s| index.within(s.unit, scope))
            .fold(
                [
                    f32::INFINITY,
                    f32::INFINITY,
                    f32::NEG_INFINITY,
                    f32::NEG_INFINITY,
                ],
                |b, s| union(b, s.bbox),
            );
        if b[0].is_finite() { b } else { self.bbox }
    }

    /// Whether any shape is approximate.
    pub fn has_approximate(&self) -> bool {
        self.shapes.iter().any(|s| s.approx)
    }

    /// The nearest commune from `from` in a direction (`dx`, `dy` one of the four arrows),
    /// within a 120° cone, preferring straight-ahead neighbours. `None` at the edge.
    pub fn neighbour(
        &self,
        from: usize,
        dx: f32,
        dy: f32,
        allowed: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let c = self.shapes.get(from)?.centroid;
        let mut best: Option<(f32, usize)> = None;
        for (i, s) in self.shapes.iter().enumerate() {
            if i == from || !allowed(i) {
                continue;
            }
            let (vx, vy) = (s.centroid[0] - c[0], s.centroid[1] - c[1]);
            let along = vx * dx + vy * dy;
            if along <= 0.0 {
                continue;
            }
            let across = (vx * dy - vy * dx).abs();
            if across > along * 1.8 {
                continue;
            }
            let score = along + 2.0 * across;
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, i));
            }
        }
        best.map(|(_, i)| i)
    }
}

/// Where the world is drawn: `screen = world * zoom + offset`, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// CSS pixels per world unit.
    pub zoom: f32,
    /// Screen position of the world origin, CSS pixels.
    pub offset: [f32; 2],
}

impl Camera {
    /// The camera showing `bbox` whole in a `width` × `height` view with a margin.
    pub fn fit(bbox: BBox, width: f32, height: f32, margin: f32) -> Self {
        let (bw, bh) = ((bbox[2] - bbox[0]).max(1e-3), (bbox[3] - bbox[1]).max(1e-3));
        let zoom = ((width - 2.0 * margin) / bw)
            .min((height - 2.0 * margin) / bh)
            .max(1e-4);
        let offset = [
            (width - bw * zoom) / 2.0 - bbox[0] * zoom,
            (height - bh * zoom) / 2.0 - bbox[1] * zoom,
        ];
        Self { zoom, offset }
    }

    /// Like [`Camera::fit`], keeping clear of a box in the bottom-right corner (a locator
    /// inset, `corner` = its width and height) when that costs at most a tenth of the zoom: the
    /// map is fitted in the width left of the box or the height above it, whichever is larger.
    pub fn fit_beside(bbox: BBox, width: f32, height: f32, margin: f32, corner: [f32; 2]) -> Self {
        let whole = Self::fit(bbox, width, height, margin);
        let left = Self::fit(bbox, width - corner[0], height, margin);
        let above = Self::fit(bbox, width, height - corner[1], margin);
        let best = if left.zoom >= above.zoom { left } else { above };
        if corner[0] > 0.0 && corner[1] > 0.0 && best.zoom >= whole.zoom * 0.9 {
            best
        } else {
            whole
        }
    }

    /// World to screen.
    pub fn to_screen(&self, p: Point) -> Point {
        [
            p[0] * self.zoom + self.offset[0],
            p[1] * self.zoom + self.offset[1],
        ]
    }

    /// Screen to world.
    pub fn to_world(&self, p: Point) -> Point {
        [
            (p[0] - self.offset[0]) / self.zoom,
            (p[1] - self.offset[1]) / self.zoom,
        ]
    }

    /// Zooms by `factor` keeping the screen point `at` fixed, within `min`–`max` zoom.
    pub fn zoom_at(&self, factor: f32, at: Point, min: f32, max: f32) -> Self {
        let zoom = (self.zoom * factor).clamp(min, max);
        let w = self.to_world(at);
        Self {
            zoom,
            offset: [at[0] - w[0] * zoom, at[1] - w[1] * zoom],
        }
    }

    /// Moves by a screen distance.
    pub fn pan(&self, dx: f32, dy: f32) -> Self {
        Self {
            zoom: self.zoom,
            offset: [self.offset[0] + dx, self.offset[1] + dy],
        }
    }

    /// Keeps at least part of `bbox` on a `width` × `height` screen (no panning into the void).
    pub fn clamp_to(&self, bbox: BBox, width: f32, height: f32) -> Self {
        let keep = 40f32.min(width / 4.0).min(height / 4.0);
        let (x0, y0) = (
            bbox[0] * self.zoom + self.offset[0],
            bbox[1] * self.zoom + self.offset[1],
        );
        let (x1, y1) = (
            bbox[2] * self.zoom + self.offset[0],
            bbox[3] * self.zoom + self.offset[1],
        );
        let mut o = self.offset;
        if x1 < keep {
            o[0] += keep - x1;
        }
        if x0 > width - keep {
            o[0] -= x0 - (width - keep);
        }
        if y1 < keep {
            o[1] += keep - y1;
        }
        if y0 > height - keep {
            o[1] -= y0 - (height - keep);
        }
        Self {
            zoom: self.zoom,
            offset: o,
        }
    }
}

/// A device-pixel raster of shape ids: `0` where no commune is, else shape index + 1.
#[derive(Clone, Debug, Default)]
pub struct IdRaster {
    /// Width in device pixels.
    pub width: usize,
    /// Height in device pixels.
    pub height: usize,
    /// Row-major ids.
    pub ids: Vec<u32>,
    /// Per shape, the runs of pixels it was filled into (`start..end` indices into `ids`; a
    /// later shape may have covered some of them). A year change recolours only the shapes
    /// whose colour changed, through their runs, instead of every pixel.
    pub runs: Vec<Vec<(u32, u32)>>,
}

impl IdRaster {
    /// The shape under a device pixel.
    pub fn at(&self, x: usize, y: usize) -> Option<usize> {
        if x >= self.width || y >= self.height {
            return None;
        }
        match self.ids[y * self.width + x] {
            0 => None,
            id => Some(id as usize - 1),
        }
    }
}

impl IdRaster {
    /// The shapes within `radius` device pixels of a device pixel, nearest first (by their
    /// nearest pixel), at most `max`: what else a fingertip may have meant by a tap there. A
    /// commune 15 px wide beside larger ones is easy to miss with a finger.
    pub fn near(&self, x: usize, y: usize, radius: usize, max: usize) -> Vec<usize> {
        let mut best: Vec<(usize, usize)> = Vec::new();
        let r2 = radius * radius;
        let (x0, x1) = (
            x.saturating_sub(radius),
            (x + radius).min(self.width.saturating_sub(1)),
        );
        let (y0, y1) = (
            y.saturating_sub(radius),
            (y + radius).min(self.height.saturating_sub(1)),
        );
        for py in y0..=y1 {
            for px in x0..=x1 {
                let d2 = px.abs_diff(x).pow(2) + py.abs_diff(y).pow(2);
                if d2 > r2 {
                    continue;
                }
                let Some(id) = self.at(px, py) else { continue };
                match best.iter_mut().find(|(s, _)| *s == id) {
                    Some(entry) => entry.1 = entry.1.min(d2),
                    None => best.push((id, d2)),
                }
            }
        }
        best.sort_by_key(|&(id, d2)| (d2, id));
        best.into_iter().take(max).map(|(id, _)| id).collect()
    }
}

/// Rasterizes every shape visible through `camera` into a `width` × `height` device-pixel
/// grid, `dpr` device pixels per CSS pixel. Even-odd scanline fill sampling pixel centres.
pub fn rasterize(
    model: &MapModel,
    camera: &Camera,
    width: usize,
    height: usize,
    dpr: f32,
) -> IdRaster {
    rasterize_into(model, camera, width, height, dpr, IdRaster::default())
}

/// [`rasterize`] into the buffers of a previous raster: panning and zooming then do not
/// allocate a new full-size buffer (and grow the wasm heap) on every step.
pub fn rasterize_into(
    model: &MapModel,
    camera: &Camera,
    width: usize,
    height: usize,
    dpr: f32,
    reuse: IdRaster,
) -> IdRaster {
    let mut ids = reuse.ids;
    ids.clear();
    ids.resize(width * height, 0);
    let mut runs = reuse.runs;
    runs.resize_with(model.shapes.len(), Vec::new);
    for r in &mut runs {
        r.clear();
    }
    let zoom = camera.zoom * dpr;
    let (ox, oy) = (camera.offset[0] * dpr, camera.offset[1] * dpr);
    let mut xs: Vec<f32> = Vec::new();
    let mut edges: Vec<[f32; 4]> = Vec::new();
    for (si, shape) in model.shapes.iter().enumerate() {
        let b = shape.bbox;
        let (bx0, by0, bx1, by1) = (
            b[0] * zoom + ox,
            b[1] * zoom + oy,
            b[2] * zoom + ox,
            b[3] * zoom + oy,
        );
        if bx1 < 0.0 || by1 < 0.0 || bx0 >= width as f32 || by0 >= height as f32 {
            continue;
        }
        edges.clear();
        for ring in &shape.rings {
            for w in ring.windows(2) {
                let (x0, y0) = (w[0][0] * zoom + ox, w[0][1] * zoom + oy);
                let (x1, y1) = (w[1][0] * zoom + ox, w[1][1] * zoom + oy);
                if (y0 - y1).abs() > f32::EPSILON {
                    edges.push(if y0 < y1 {
                        [x0, y0, x1, y1]
                    } else {
                        [x1, y1, x0, y0]
                    });
                }
            }
        }
        let row0 = (by0 - 0.5).ceil().max(0.0) as usize;
        let row1 = ((by1 - 0.5).floor().min(height as f32 - 1.0)).max(-1.0);
        if row1 < 0.0 {
            continue;
        }
        let id = si as u32 + 1;
        for row in row0..=row1 as usize {
            let yc = row as f32 + 0.5;
            xs.clear();
            for e in &edges {
                if e[1] <= yc && yc < e[3] {
                    xs.push(e[0] + (yc - e[1]) * (e[2] - e[0]) / (e[3] - e[1]));
                }
            }
            xs.sort_unstable_by(f32::total_cmp);
            let line = &mut ids[row * width..(row + 1) * width];
            for pair in xs.chunks_exact(2) {
                let start = (pair[0] - 0.5).ceil().max(0.0) as usize;
                let end = ((pair[1] - 0.5).ceil().min(width as f32)).max(0.0) as usize;
                if start < end {
                    line[start..end].fill(id);
                    runs[si].push(((row * width + start) as u32, (row * width + end) as u32));
                }
            }
        }
    }
    IdRaster {
        width,
        height,
        ids,
        runs,
    }
}

/// The pattern-ink mask of a raster size: one byte of [`Pattern`] bits per device pixel.
pub fn pattern_mask(width: usize, height: usize, dpr: f32) -> Vec<u8> {
    let unit = (6.0 * dpr).round() as usize;
    // The patterns repeat every `unit.max(3)` rows: work out those rows, then copy them.
    let period = unit.max(3);
    let rows: Vec<Vec<u8>> = (0..period.min(height))
        .map(|y| (0..width).map(|x| Pattern::mask_at(x, y, unit)).collect())
        .collect();
    let mut mask = Vec::with_capacity(width * height);
    for y in 0..height {
        mask.extend_from_slice(&rows[y % period]);
    }
    mask
}

/// One colour (and texture) per shape id: the only thing that changes with the year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lut {
    fill: Vec<u32>,
    ink: Vec<u32>,
    pattern: Vec<u8>,
}

impl Lut {
    /// Whether this is no table at all (the default), as opposed to a table for zero shapes.
    pub fn is_empty(&self) -> bool {
        self.fill.is_empty()
    }

    /// A table for `n` shapes, with id 0 transparent.
    pub fn new(n: usize) -> Self {
        Self {
            fill: vec![0; n + 1],
            ink: vec![0; n + 1],
            pattern: vec![0; n + 1],
        }
    }

    /// Sets the paint of a shape.
    pub fn set(&mut self, shape: usize, fill: Rgb, pattern: Pattern, ink: Rgb) {
        if let Some(slot) = self.fill.get_mut(shape + 1) {
            *slot = fill.pixel();
            self.ink[shape + 1] = ink.pixel();
            self.pattern[shape + 1] = pattern.bit();
        }
    }

    /// Dims a shape (for "highlight this tier": the others fade).
    pub fn dim(&mut self, shape: usize, towards: Rgb, t: f32) {
        let i = shape + 1;
        if i < self.fill.len() {
            let unpack = |p: u32| Rgb(p as u8, (p >> 8) as u8, (p >> 16) as u8);
            self.fill[i] = unpack(self.fill[i]).mix(towards, t).pixel();
            self.ink[i] = unpack(self.ink[i]).mix(towards, t).pixel();
        }
    }
}

/// Colours for statuses: each shape painted by its status.
pub fn status_lut(statuses: &[Status]) -> Lut {
    let mut lut = Lut::new(statuses.len());
    // A handful of statuses for thousands of shapes: each paint (a gamma curve for its ink) is
    // worked out once per table, not once per shape.
    let mut paints: Vec<(Status, crate::palette::Paint)> = Vec::with_capacity(8);
    for (i, &s) in statuses.iter().enumerate() {
        let p = match paints.iter().find(|(k, _)| *k == s) {
            Some((_, p)) => *p,
            None => {
                let p = status_paint(s);
                paints.push((s, p));
                p
            }
        };
        lut.set(i, p.fill, p.pattern, p.ink);
    }
    lut
}

/// A rectangle of device pixels: x, y, width, height.
pub type PixelRect = [usize; 4];

/// Recomposes after the colour table changed from `old` to `new`, touching only the pixels of
/// the shapes whose paint changed (a year change repaints a few communes, not the map).
/// Falls back to [`compose`] when the tables differ in size or half the shapes changed. Returns
/// the rectangle that changed, `None` when nothing did.
pub fn recompose(
    raster: &IdRaster,
    mask: &[u8],
    old: &Lut,
    new: &Lut,
    out: &mut [u8],
) -> Option<PixelRect> {
    let full = [0, 0, raster.width, raster.height];
    if old.fill.len() != new.fill.len() || raster.runs.len() + 1 != new.fill.len() {
        compose(raster, mask, new, out);
        return Some(full);
    }
    let changed: Vec<usize> = (1..new.fill.len())
        .filter(|&i| {
            old.fill[i] != new.fill[i]
                || old.ink[i] != new.ink[i]
                || old.pattern[i] != new.pattern[i]
        })
        .collect();
    if changed.is_empty() {
        return None;
    }
    if changed.len() * 2 > new.fill.len() {
        compose(raster, mask, new, out);
        return Some(full);
    }
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
    for i in changed {
        let (fill, ink, pattern) = (new.fill[i], new.ink[i], new.pattern[i]);
        for &(start, end) in &raster.runs[i - 1] {
            let (start, end) = (start as usize, end as usize);
            for p in start..end.min(raster.ids.len()) {
                if raster.ids[p] as usize == i {
                    let m = mask.get(p).copied().unwrap_or(0);
                    let px = if m & pattern != 0 { ink } else { fill };
                    if let Some(o) = out.get_mut(4 * p..4 * p + 4) {
                        o.copy_from_slice(&px.to_le_bytes());
                    }
                }
            }
            if start < end && raster.width > 0 {
                let row = start / raster.width;
                x0 = x0.min(start % raster.width);
                x1 = x1.max((end - 1) % raster.width + 1);
                y0 = y0.min(row);
                y1 = y1.max(row + 1);
            }
        }
    }
    (x0 < x1 && y0 < y1).then_some([x0, y0, x1 - x0, y1 - y0])
}

/// A name to place on the map: where its centre falls on screen, how wide it is (CSS px),
/// and how much it matters (the area it names).
#[derive(Clone, Debug, PartialEq)]
pub struct LabelBox<L> {
    /// Larger first.
    pub weight: f32,
    /// Centre on screen.
    pub at: [f32; 2],
    /// Text width.
    pub width: f32,
    /// The label itself.
    pub label: L,
}

/// Keeps the labels that do not overlap one kept before, the heaviest first, so two names never
/// run into each other on a narrow screen.
pub fn without_overlaps<L>(mut labels: Vec<LabelBox<L>>) -> Vec<L> {
    // A 13 px name with stacked Vietnamese marks (Ỉ, ễ) and its halo is about 20 px tall.
    const HEIGHT: f32 = 20.0;
    const GAP: f32 = 4.0;
    crate::order::sort_by(&mut labels, |a, b| b.weight.total_cmp(&a.weight));
    let mut kept: Vec<(L, [f32; 4])> = Vec::with_capacity(labels.len());
    for l in labels {
        let half = l.width / 2.0 + GAP;
        let b = [
            l.at[0] - half,
            l.at[1] - HEIGHT / 2.0,
            l.at[0] + half,
            l.at[1] + HEIGHT / 2.0,
        ];
        let clear = kept
            .iter()
            .all(|(_, k)| b[2] < k[0] || b[0] > k[2] || b[3] < k[1] || b[1] > k[3]);
        if clear {
            kept.push((l.label, b));
        }
    }
    kept.into_iter().map(|(l, _)| l).collect()
}

/// Maps ids to RGBA bytes (4 per pixel, as `ImageData` wants them) through a lookup table.
pub fn compose(raster: &IdRaster, mask: &[u8], lut: &Lut, out: &mut [u8]) {
    // Three slices of one length: one bounds check per pixel instead of three.
    let n = lut.fill.len().min(lut.ink.len()).min(lut.pattern.len());
    let (fill, ink, pattern) = (&lut.fill[..n], &lut.ink[..n], &lut.pattern[..n]);
    for ((o, &id), &m) in out.chunks_exact_mut(4).zip(&raster.ids).zip(mask) {
        let i = id as usize;
        let px = if i < n {
            if m & pattern[i] != 0 { ink[i] } else { fill[i] }
        } else {
            0
        };
        o.copy_from_slice(&px.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_lists_the_shapes_under_a_fingertip_nearest_first() {
        // 10 × 3: shape 0 on the left, shape 1 a 2-pixel strip, shape 2 on the right.
        let row = [1, 1, 1, 1, 2, 2, 3, 3, 3, 3];
        let raster = IdRaster {
            width: 10,
            height: 3,
            ids: row.iter().chain(&row).chain(&row).copied().collect(),
            runs: Vec::new(),
        };
        assert_eq!(raster.near(3, 1, 3, 3), vec![0, 1, 2]);
        assert_eq!(raster.near(3, 1, 1, 3), vec![0, 1]);
        assert_eq!(raster.near(0, 0, 2, 3), vec![0]);
        assert_eq!(raster.near(9, 2, 4, 1), vec![2]);
    }

    #[test]
    fn labels_keep_the_larger_areas_and_never_touch() {
        let l = |weight: f32, x: f32, y: f32, name: &'static str| LabelBox {
            weight,
            at: [x, y],
            width: 80.0,
            label: name,
        };
        let kept = without_overlaps(vec![
            // Two names 17 px apart: the smaller area's goes, as the marks of "Tỉnh" would
            // touch the line above.
            l(1.0, 100.0, 117.0, "Tỉnh Điện Biên"),
            l(5.0, 100.0, 100.0, "Tỉnh Tuyên Quang"),
            // Far enough below.
            l(2.0, 100.0, 140.0, "Tỉnh Sơn La"),
            // Side by side with room between.
            l(0.5, 200.0, 100.0, "Tỉnh Hà Giang"),
            // Overlapping horizontally.
            l(0.4, 150.0, 100.0, "Tỉnh Lai Châu"),
        ]);
        assert_eq!(
            kept,
            vec!["Tỉnh Tuyên Quang", "Tỉnh Sơn La", "Tỉnh Hà Giang"]
        );
    }

    fn square_model() -> MapModel {
        // Two unit squares as world rings, without a dataset.
        let sq = |x: f32| vec![[x, 0.0], [x + 1.0, 0.0], [x + 1.0, 1.0], [x, 1.0], [x, 0.0]];
        let shape = |i: usize, x: f32| MapShape {
            unit: i,
            rings: vec![sq(x)],
            bbox: [x, 0.0, x + 1.0, 1.0],
            centroid: [x + 0.5, 0.5],
            area: 1.0,
            approx: true,
            group: None,
            province: 0,
        };
        MapModel {
            era: Era::Pre2025,
            projection: Projection::fit([0.0, 0.0, 1.0, 1.0]),
            shapes: vec![shape(0, 0.0), shape(1, 1.0)],
            arcs: Vec::new(),
            commune_borders: Vec::new(),
            district_borders: Vec::new(),
            province_borders: Vec::new(),
            districts: Vec::new(),
            provinces: Vec::new(),
            bbox: [0.0, 0.0, 2.0, 1.0],
            typical_width: 1.0,
            by_unit: HashMap::default(),
        }
    }

    #[test]
    fn rasterizes_exactly_without_gaps_or_overlap() {
        let m = square_model();
        let cam = Camera {
            zoom: 10.0,
            offset: [0.0, 0.0],
        };
        let r = rasterize(&m, &cam, 20, 10, 1.0);
        assert!(r.ids.iter().all(|&id| id == 1 || id == 2));
        assert_eq!(r.ids.iter().filter(|&&id| id == 1).count(), 100);
        assert_eq!(r.at(9, 5), Some(0));
        assert_eq!(r.at(10, 5), Some(1));
        // Doubling the pixel ratio doubles the resolution.
        let r2 = rasterize(&m, &cam, 40, 20, 2.0);
        assert_eq!(r2.ids.iter().filter(|&&id| id == 2).count(), 400);
    }

    #[test]
    fn rasterizing_into_an_old_raster_gives_the_same_raster() {
        let m = square_model();
        let cam = Camera {
            zoom: 10.0,
            offset: [0.0, 0.0],
        };
        let fresh = rasterize(&m, &cam, 20, 10, 1.0);
        let big = rasterize(&m, &cam, 40, 20, 2.0);
        let reused = rasterize_into(&m, &cam, 20, 10, 1.0, big);
        assert_eq!(reused.ids, fresh.ids);
        assert_eq!(reused.runs, fresh.runs);
    }

    #[test]
    fn clips_to_the_raster() {
        let m = square_model();
        let cam = Camera {
            zoom: 10.0,
            offset: [-5.0, -5.0],
        };
        let r = rasterize(&m, &cam, 8, 8, 1.0);
        assert_eq!(r.at(0, 0), Some(0));
        assert_eq!(r.at(7, 0), Some(1));
        assert_eq!(r.ids.len(), 64);
    }

    #[test]
    fn composes_colours_from_the_table() {
        let m = square_model();
        let cam = Camera {
            zoom: 2.0,
            offset: [0.0, 0.0],
        };
        let r = rasterize(&m, &cam, 5, 2, 1.0);
        let lut = status_lut(&[Status::NotYet, Status::Model]);
        let mut out = vec![0u8; 40];
        let px = |out: &[u8], i: usize| {
            u32::from_le_bytes([out[4 * i], out[4 * i + 1], out[4 * i + 2], out[4 * i + 3]])
        };
        compose(&r, &[0; 10], &lut, &mut out);
        assert_eq!(px(&out, 0), status_paint(Status::NotYet).fill.pixel());
        assert_eq!(px(&out, 2), status_paint(Status::Model).fill.pixel());
        assert_eq!(px(&out, 4), 0, "outside every shape stays transparent");
        // Where the model texture has ink, the ink colour shows.
        compose(&r, &[Pattern::Cross.bit(); 10], &lut, &mut out);
        assert_eq!(px(&out, 2), status_paint(Status::Model).ink.pixel());
        assert_eq!(
            px(&out, 0),
            status_paint(Status::NotYet).fill.pixel(),
            "not-yet has no texture"
        );
    }

    #[test]
    fn the_pattern_mask_repeats_the_patterns_of_each_pixel() {
        for (w, h, dpr) in [(37, 29, 1.0_f32), (50, 41, 2.0), (7, 2, 3.0)] {
            let unit = (6.0 * dpr).round() as usize;
            let mask = pattern_mask(w, h, dpr);
            assert_eq!(mask.len(), w * h);
            for y in 0..h {
                for x in 0..w {
                    assert_eq!(
                        mask[y * w + x],
                        Pattern::mask_at(x, y, unit),
                        "{x},{y} at {dpr}"
                    );
                }
            }
        }
    }

    #[test]
    fn recomposes_only_the_shapes_that_changed() {
        let m = square_model();
        let cam = Camera {
            zoom: 4.0,
            offset: [0.0, 0.0],
        };
        let r = rasterize(&m, &cam, 10, 4, 1.0);
        let mask = vec![0; 40];
        let before = status_lut(&[Status::NotYet, Status::NotYet]);
        let mut out = vec![0u8; 160];
        // Tables sized for another model: a full composition.
        assert_eq!(
            recompose(&r, &mask, &Lut::default(), &before, &mut out),
            Some([0, 0, 10, 4])
        );
        let same = out.clone();
        assert_eq!(recompose(&r, &mask, &before, &before, &mut out), None);
        assert_eq!(out, same);
        // The second square reaches the standard: only its pixels change, and the rectangle
        // returned is exactly its extent (x 4..8, all rows).
        let mut after = before.clone();
        let p = status_paint(Status::Standard);
        after.set(1, p.fill, p.pattern, p.ink);
        let rect = recompose(&r, &mask, &before, &after, &mut out);
        assert_eq!(rect, Some([4, 0, 4, 4]));
        let mut expected = vec![0u8; 160];
        compose(&r, &mask, &after, &mut expected);
        assert_eq!(out, expected, "the same pixels as a full composition");
    }

    #[test]
    #[allow(clippy::float_cmp)] // exact by construction: powers of two and clamped limits
    fn camera_fits_zooms_about_a_point_and_round_trips() {
        let cam = Camera::fit([0.0, 0.0, 100.0, 50.0], 200.0, 200.0, 0.0);
        assert!((cam.zoom - 2.0).abs() < 1e-6);
        assert_eq!(cam.to_screen([0.0, 0.0]), [0.0, 50.0]);
        let z = cam.zoom_at(2.0, [100.0, 100.0], 0.1, 100.0);
        let w = cam.to_world([100.0, 100.0]);
        let back = z.to_screen(w);
        assert!((back[0] - 100.0).abs() < 1e-4 && (back[1] - 100.0).abs() < 1e-4);
        assert_eq!(z.zoom_at(1000.0, [0.0, 0.0], 0.1, 10.0).zoom, 10.0);
    }

    #[test]
    fn arrow_keys_find_the_neighbour_in_that_direction() {
        let m = square_model();
        assert_eq!(m.neighbour(0, 1.0, 0.0, |_| true), Some(1));
        assert_eq!(m.neighbour(1, 1.0, 0.0, |_| true), None);
        assert_eq!(m.neighbour(1, -1.0, 0.0, |_| true), Some(0));
        assert_eq!(m.neighbour(0, 0.0, 1.0, |_| true), None);
    }

    #[test]
    fn projection_round_trips() {
        let p = Projection::fit([106.0, 21.0, 107.5, 22.5]);
        let q = p.unproject(p.project([106.7, 21.8]));
        assert!((q[0] - 106.7).abs() < 1e-4 && (q[1] - 21.8).abs() < 1e-4);
    }
}

/// SVG path data (`M x y L … Z`) of rings in world coordinates, through a camera, with one
/// decimal: for small static drawings such as the locator inset.
pub fn svg_path(rings: &[Vec<Point>], camera: &Camera) -> String {
    use std::fmt::Write as _;
    let mut d = String::new();
    for ring in rings {
        for (k, p) in ring.iter().enumerate() {
            let s = camera.to_screen(*p);
            let _ = write!(
                d,
                "{}{:.1} {:.1}",
                if k == 0 { "M" } else { "L" },
                s[0],
                s[1]
            );
        }
        d.push('Z');
    }
    d
}

#[cfg(test)]
mod svg_tests {
    use super::*;

    #[test]
    fn writes_closed_paths() {
        let cam = Camera {
            zoom: 2.0,
            offset: [1.0, 0.0],
        };
        let d = svg_path(
            &[vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]],
            &cam,
        );
        assert_eq!(d, "M1.0 0.0L3.0 0.0L3.0 2.0L1.0 0.0Z");
    }

    #[test]
    fn a_tall_area_is_fitted_beside_the_inset_not_under_it() {
        // A tall area in a wide view: room to its right, so it keeps clear of a 116 × 176 box
        // in the bottom-right corner at the same zoom.
        let tall = [0.0, 0.0, 100.0, 200.0];
        let cam = Camera::fit_beside(tall, 800.0, 400.0, 12.0, [116.0, 176.0]);
        assert!((cam.zoom - Camera::fit(tall, 800.0, 400.0, 12.0).zoom).abs() < 1e-4);
        let right = cam.to_screen([100.0, 200.0])[0];
        assert!(right <= 800.0 - 116.0, "{right}");
        // A wide area filling the view: keeping clear would cost too much zoom.
        let wide = [0.0, 0.0, 400.0, 200.0];
        let cam = Camera::fit_beside(wide, 800.0, 400.0, 12.0, [116.0, 176.0]);
        assert_eq!(cam, Camera::fit(wide, 800.0, 400.0, 12.0));
    }
}
