namespace EdgeCity.Domain.Detection;

/// <summary>How a detector lays out its output tensor; each layout has its own decoder.</summary>
public enum ModelLayout
{
    /// <summary>YOLOX raw grid output <c>[N, A, 5+C]</c> over strides 8/16/32: offsets and log sizes per grid cell, sigmoided objectness and classes.</summary>
    Yolox,

    /// <summary>YOLOv5 <c>[N, A, 5+C]</c>: centre, size, objectness, class scores.</summary>
    YoloV5,

    /// <summary>YOLOv8 / YOLO11 <c>[N, 4+C, A]</c>: centre and size, class scores, no objectness.</summary>
    YoloV8,

    /// <summary>End-to-end heads (YOLOv10, YOLO26) <c>[N, K, 6]</c>: corners, score, class; already free of duplicates, no NMS.</summary>
    EndToEnd,

    /// <summary>
    /// NanoDet (GFL head): per stride two outputs, <c>cls_pred_stride_S</c> <c>[N, A_S, C]</c> sigmoided class scores and
    /// <c>dis_pred_stride_S</c> <c>[N, A_S, 4×B]</c> distance distributions (left, top, right, bottom; B bins each).
    /// </summary>
    NanoDet,
}
